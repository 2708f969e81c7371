import fc from 'fast-check';

/**
 * What a field holds, guessed from its OpenAPI schema and its name: the documents say `string`
 * for ids, days and months alike, so the name and the example tell them apart.
 */
export type FieldKind =
  | 'enum'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'uuid'
  | 'date'
  | 'month'
  | 'datetime'
  | 'email'
  | 'url'
  | 'ods'
  | 'text'
  | 'array'
  | 'object';

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  $ref?: string;
  nullable?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

export function kindOf(name: string, schema: Schema): FieldKind {
  const example = typeof schema.example === 'string' ? schema.example : '';
  if (schema.enum) {
    return 'enum';
  }
  if (schema.type === 'boolean') {
    return 'boolean';
  }
  if (schema.type === 'integer' || /^(limit|offset|version|count)$/.test(name)) {
    return 'integer';
  }
  if (schema.type === 'number') {
    return 'number';
  }
  if (schema.type === 'array') {
    return 'array';
  }
  if (schema.properties) {
    return 'object';
  }
  if (schema.format === 'uuid' || /(^id$|Id$)/.test(name)) {
    return 'uuid';
  }
  if (MONTH.test(example) || /^(period|from|to)$/.test(name)) {
    return 'month';
  }
  if (
    DAY.test(example) ||
    /(On|^on|term(Start|End)|effective(From|To)|weekEnding|^date)$/.test(name)
  ) {
    return 'date';
  }
  if (/T\d\d:/.test(example) || /At$/.test(name)) {
    return 'datetime';
  }
  if (/email/i.test(name)) {
    return 'email';
  }
  if (/url$/i.test(name) || example.startsWith('http')) {
    return 'url';
  }
  if (/^(odsCode|orgCode|organisationOdsCode|organisation|organisations)$/.test(name)) {
    return 'ods';
  }
  return 'text';
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A real calendar day between 2020 and 2030, as YYYY-MM-DD. */
const aDay = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const aMonth = fc
  .tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }))
  .map(([year, month]) => `${year}-${pad(month)}`);

/** A moment within about two months of now, as an ISO date-time. */
const aMoment = fc
  .integer({ min: -60 * 86_400, max: 60 * 86_400 })
  .map((seconds) => new Date(Date.now() + seconds * 1000).toISOString());

const aWord = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,18}[a-z]$/);

/** Values a well-meaning client might send for a field of this kind. */
export function plausible(kind: FieldKind, schema: Schema, realIds: readonly string[]) {
  switch (kind) {
    case 'enum':
      return fc.constantFrom(...(schema.enum ?? ['']));
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? Math.max(min + 100, 100);
      return kind === 'integer' || Number.isInteger(min + max)
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true });
    }
    case 'uuid':
      return realIds.length > 0
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...realIds) }, fc.uuid())
        : fc.uuid();
    case 'date':
      return aDay;
    case 'month':
      return aMonth;
    case 'datetime':
      return aMoment;
    case 'email':
      return fc.integer({ min: 1, max: 1e6 }).map((n) => `hostile.${n}@example.org`);
    case 'url':
      return aWord.map((word) => `https://example.org/${encodeURIComponent(word)}.pdf`);
    case 'ods':
      return fc.oneof(
        fc.constantFrom('RGT', 'RM1', 'RCX', 'R0A'),
        fc.stringMatching(/^[A-Z0-9]{3,5}$/),
      );
    case 'text':
    case 'array':
    case 'object':
      return typeof schema.example === 'string'
        ? fc.oneof(fc.constant(schema.example), aWord)
        : aWord;
  }
}

const CONTROL = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));

/** Text no database column or parser should choke on, whatever field it lands in. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'a\u0000b',
    '\u0000',
    '%00',
    '\u0007\u0008\u001b[31m',
    '\r\n\t',
    '\u007f',
    '\ud800',
    '\udfff\ud800',
    '😀👩‍⚕️🏴󠁧󠁢󠁳󠁣󠁴󠁿',
    '\u202eevil\u202c',
    '\u200b',
    '\u2028\u2029',
    '',
    ' ',
    "' OR 1=1 --",
    '%_\\',
    '../../../etc/passwd',
    '<script>alert(1)</script>',
    '${jndi:ldap://x}',
    '{{7*7}}',
    'NaN',
    'Infinity',
    '-0',
    '1e308',
    '0x1F',
    'null',
    'true',
    '[]',
    '__proto__',
    'constructor',
  ),
  fc.string({ unit: CONTROL, minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.integer({ min: 256, max: 10_000 }).map((length) => 'x'.repeat(length)),
  fc.constant('é'.repeat(10_000)),
  fc.constant('😀'.repeat(3_000)),
);

/** Numbers beyond any column, fractions where counts belong, and numbers that are not numbers. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    2 ** 63,
    -1,
    0,
    -0,
    0.5,
    3.14159,
    5e-324,
    100_000,
    1e10,
    -100_000,
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e308', '12abc', '0x10', ' 7 ', ''),
);

const IMPOSSIBLE_DAYS = [
  '2025-02-30',
  '2025-02-29',
  '2025-04-31',
  '2025-13-01',
  '2025-00-10',
  '2025-01-00',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '-002025-01-01',
  '2025-1-1',
  '2025/01/01',
  '01/02/2025',
  '20250101',
  '2025-W01-1',
  '2025-001',
  '2025-01-01T10:00',
  ' 2025-01-01',
  '2025-01-01T00:00:00Z',
  'today',
];
const IMPOSSIBLE_MONTHS = [
  '0000-01',
  '9999-12',
  '2025-13',
  '2025-00',
  '1899-12',
  '2101-01',
  '2025-1',
  '202501',
  '-2025-01',
  '2025-02-30',
  '+02025-01',
];
const IMPOSSIBLE_MOMENTS = [
  '2025-02-30T10:00:00Z',
  '2025-01-01T25:00:00Z',
  '2025-01-01T10:61:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2025-01-01T10:00:00+25:00',
  '1970-01-01T00:00:00Z',
  '2025-06-01',
  'not a date',
];

const aUuid = fc.uuid();
/** Ids that look nearly right, or not at all. */
const hostileUuid = fc.oneof(
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'not-a-uuid',
    '1',
    '-1',
    '9223372036854775808',
  ),
  aUuid.map((id) => id.toUpperCase()),
  aUuid.map((id) => `{${id}}`),
  aUuid.map((id) => `${id}x`),
  aUuid.map((id) => id.replaceAll('-', '')),
  aUuid.map((id) => `${id.slice(0, 35)}g`),
  aUuid.map((id) => `${id}\u0000`),
);

/** Values of another JSON type than the field's. */
export const wrongType: fc.Arbitrary<unknown> = fc.constantFrom(
  null,
  true,
  false,
  0,
  -1,
  1e308,
  '',
  'a string',
  [],
  [1, 'a', null],
  [[]],
  [{}],
  {},
  { a: 1 },
  { $ne: null },
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
);

/** Hostile values for a field of this kind, its own kind's worst first. */
export function hostile(kind: FieldKind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'integer':
    case 'number':
      return fc.oneof({ weight: 3, arbitrary: hostileNumber }, hostileText);
    case 'date':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...IMPOSSIBLE_DAYS) }, hostileText);
    case 'month':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...IMPOSSIBLE_MONTHS) }, hostileText);
    case 'datetime':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...IMPOSSIBLE_MOMENTS) },
        hostileText,
      );
    case 'uuid':
      return fc.oneof({ weight: 3, arbitrary: hostileUuid }, hostileText);
    case 'boolean':
    case 'enum':
      return fc.oneof(
        fc.constantFrom('TRUE', 'yes', '1', 'Present', 'present ', 'présent'),
        hostileText,
      );
    case 'text':
    case 'email':
    case 'url':
    case 'ods':
    case 'array':
    case 'object':
      return hostileText;
  }
}
