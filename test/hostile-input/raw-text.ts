import fc from 'fast-check';
import { hostileText } from './hostile-values.js';

/** Raw text a request carries besides JSON fields: malformed JSON, CSV files, encoded URLs. */

export const MALFORMED_JSON = fc.constantFrom(
  '{"a":',
  'not json',
  '{"a":1}trailing',
  "{'single':'quotes'}",
  '\u0000',
  '[]',
  '"a string"',
  '12',
  'null',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{"name":"${'x'.repeat(300_000)}"}`,
);

const CSV_CELL = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('2026-04', 'RGT', 'Lung', '10', '8', '2', '') },
  { weight: 3, arbitrary: fc.constantFrom('0000-01', '9999-12', '1e300', '-5', '2.5', 'NaN') },
  hostileText.map((text) => `"${text.replaceAll('"', '""')}"`),
  fc.constantFrom('"unterminated', 'a"b', '\r', '\uFEFF', ',,,,', 'a\u0000b'),
);

/** A CSV file: its real header or a hostile one, then rows of plausible and hostile cells. */
export function csvBody(header: string): fc.Arbitrary<string> {
  const width = header.split(',').length;
  const heading = fc.oneof(
    { weight: 6, arbitrary: fc.constant(header) },
    fc.constantFrom(
      `\uFEFF${header}`,
      header.toLowerCase(),
      '',
      'a\u0000b',
      `${header}${','.repeat(50_000)}`,
    ),
    hostileText,
  );
  const row = fc
    .array(CSV_CELL, { minLength: 0, maxLength: width + 2 })
    .map((cells) => cells.join(','));
  return fc
    .tuple(heading, fc.array(row, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([head, rows, newline]) => [head, ...rows].join(newline));
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) goes as the three bytes a
 * careless encoder would send for it: not UTF-8, for the server to refuse.
 */
export function encode(text: string): string {
  let encoded = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    encoded +=
      code >= 0xd800 && code <= 0xdfff
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(char);
  }
  return encoded;
}
