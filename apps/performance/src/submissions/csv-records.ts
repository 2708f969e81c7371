import { StringDecoder } from 'node:string_decoder';
import { FileProblem } from './file-problem.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** Called with each record's fields and the line it ends on (from 1, as csv-parse counts). */
export type OnRecord = (cells: string[], line: number) => void;

/**
 * Splits CSV text into records as the import reads it: RFC 4180 quoting (a doubled quote inside
 * a quoted field), `\n` or `\r\n` between records, a leading byte-order mark dropped, empty lines
 * skipped, and any number of fields to a record. What csv-parse refuses (a quote inside an
 * unquoted field, text after a closing quote, a quote never closed) is a FileProblem naming the
 * line. Written for the import's hot path: csv-parse took about 6 s over a national year's
 * 69 MB, this about a tenth of that (docs/cwt-import.md).
 */
export class CsvRecords {
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private line = 1;
  private started = false;

  constructor(private readonly onRecord: OnRecord) {}

  /** Reads the records that end in `chunk`; a record cut short waits for the next. */
  write(chunk: Buffer): void {
    let text = this.decoder.write(chunk);
    if (!this.started && text.length > 0) {
      this.started = true;
      text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    this.carry = this.records(this.carry.length > 0 ? this.carry + text : text, false);
  }

  /** Reads the last record, which may have no line end. */
  end(): void {
    this.records(this.carry + this.decoder.end(), true);
    this.carry = '';
  }

  /** Reads the whole records in `text`; returns what is left of an unfinished one. */
  private records(text: string, final: boolean): string {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const start = i;
      const startLine = this.line;
      const cells: string[] = [];
      for (;;) {
        let value: string;
        if (text.charCodeAt(i) === QUOTE) {
          value = '';
          let from = i + 1;
          for (;;) {
            const close = text.indexOf('"', from);
            if (close < 0) {
              if (!final) {
                this.line = startLine;
                return text.slice(start);
              }
              throw unreadable(
                this.line,
                `Quote Not Closed: the parsing is finished with an opening quote at line ${this.line}`,
              );
            }
            this.line += newlines(text, from, close);
            if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) {
              value += text.slice(from, close + 1);
              from = close + 2;
              continue;
            }
            if (close + 1 === n && !final) {
              // Is the quote closing, or the first of a doubled one? The next chunk says.
              this.line = startLine;
              return text.slice(start);
            }
            value += text.slice(from, close);
            i = close + 1;
            break;
          }
          const next = i < n ? text.charCodeAt(i) : -1;
          if (next !== COMMA && next !== NEWLINE && next !== RETURN && next !== -1) {
            throw unreadable(
              this.line,
              `Invalid Closing Quote: got "${text[i]}" at line ${this.line} instead of delimiter or record delimiter`,
            );
          }
        } else {
          let j = i;
          while (j < n) {
            const code = text.charCodeAt(j);
            if (code === COMMA || code === NEWLINE || code === RETURN) {
              break;
            }
            if (code === QUOTE) {
              throw unreadable(
                this.line,
                `Invalid Opening Quote: a quote is found on field ${cells.length} at line ${this.line}, value is "${text.slice(i, j)}"`,
              );
            }
            j += 1;
          }
          value = text.slice(i, j);
          i = j;
        }
        cells.push(value);
        if (i >= n) {
          if (!final) {
            this.line = startLine;
            return text.slice(start);
          }
          break;
        }
        const code = text.charCodeAt(i);
        if (code === COMMA) {
          i += 1;
          if (i === n && !final) {
            this.line = startLine;
            return text.slice(start);
          }
          if (i === n) {
            cells.push('');
            break;
          }
          continue;
        }
        // A record ends: `\n`, `\r\n`, or `\r` alone.
        if (code === RETURN) {
          if (i + 1 === n && !final) {
            this.line = startLine;
            return text.slice(start);
          }
          i += i + 1 < n && text.charCodeAt(i + 1) === NEWLINE ? 2 : 1;
        } else {
          i += 1;
        }
        break;
      }
      const line = this.line;
      this.line += 1;
      // An empty line is skipped; a quoted empty field alone is a record.
      if (cells.length > 1 || cells[0] !== '' || text.charCodeAt(start) === QUOTE) {
        this.onRecord(cells, line);
      }
    }
    return '';
  }
}

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
    count += 1;
  }
  return count;
}

/** CSV that cannot be read: the file's problem, worded as csv-parse's were. */
function unreadable(line: number, message: string): FileProblem {
  return new FileProblem(line, `not readable as CSV: ${message}`);
}
