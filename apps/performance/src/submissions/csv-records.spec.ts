import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvRecords } from './csv-records.js';
import { FileProblem } from './file-problem.js';

/** The records CsvRecords reads from `text` given in pieces cut at `cuts`, with their lines. */
function records(text: string, cuts: number[] = []): [string[], number][] {
  const read: [string[], number][] = [];
  const reader = new CsvRecords((cells, line) => read.push([cells, line]));
  const bytes = Buffer.from(text);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.write(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  reader.write(bytes.subarray(from));
  reader.end();
  return read;
}

/** What csv-parse reads, as the import used it before. */
function csvParse(text: string): [string[], number][] {
  return (
    parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  ).map(({ record, info }) => [record, info.lines]);
}

describe('CsvRecords', () => {
  it('reads quoted fields, doubled quotes, line breaks in quotes and empty lines as csv-parse does', () => {
    const text = '\ufeffa,b\n\n1,"x\ny"\n2,"say ""ALL""",4\n\n5,\n"",last';
    expect(records(text)).toEqual(csvParse(text));
    expect(records(text)).toEqual([
      [['a', 'b'], 1],
      [['1', 'x\ny'], 4],
      [['2', 'say "ALL"', '4'], 5],
      [['5', ''], 7],
      [['', 'last'], 8],
    ]);
    const crlf = 'a,b\r\n1,"x, y"\r\n\r\n2,3\r\n';
    expect(records(crlf)).toEqual(csvParse(crlf));
  });

  it('reads the same records however the bytes are cut, multi-byte characters included', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-zé£ ]{0,6}$/),
      fc.stringMatching(/^[a-z,"\n é]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const line = fc.array(field, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(80)),
        (lines, cuts) => {
          const text = `${lines.join('\n')}\n`;
          expect(records(text, cuts)).toEqual(csvParse(text));
        },
      ),
    );
  });

  it('refuses what csv-parse refuses, naming the line', () => {
    for (const [text, line, message] of [
      ['a,b\n1,"x', 2, /^not readable as CSV: Quote Not Closed/],
      [
        'a,b\n1,x"y\n',
        2,
        /^not readable as CSV: Invalid Opening Quote: a quote is found on field 1/,
      ],
      ['a,b\n1,"x"y\n', 2, /^not readable as CSV: Invalid Closing Quote/],
    ] as const) {
      expect(csvParse.bind(null, text)).toThrow();
      const refused = (() => {
        try {
          records(text);
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(refused).toBeInstanceOf(FileProblem);
      expect(refused).toMatchObject({ line, message: expect.stringMatching(message) });
    }
  });
});
