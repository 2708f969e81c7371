import { registerDecorator, type ValidationArguments } from 'class-validator';
import type { ORGANISATION_TYPES } from '#contracts';

type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The shape an organisation type's code takes, and how an error names it. */
interface CodePattern {
  readonly pattern: RegExp;
  readonly expected: string;
}

/**
 * ODS codes are 1 to 9 capital letters and digits; most organisation types have their own
 * shape: a trust 3 characters (RGT, R0A), a trust site 5 (RGT01), an ICB `Q` and two (QUE), a
 * PCN `U` and five digits (U12345), a GP practice a letter and five digits (D81001). Scottish
 * health boards are not in ODS: they are named by their ONS code, `S08` and six digits
 * (S08000031); a Welsh health board keeps its 3-character ODS code (7A1).
 */
const PATTERN_BY_TYPE: Partial<Record<OrganisationType, CodePattern>> = {
  'acute-trust': { pattern: /^[A-Z0-9]{3}$/, expected: '3 letters or digits, for example RGT' },
  'trust-site': { pattern: /^[A-Z0-9]{5}$/, expected: '5 letters or digits, for example RGT01' },
  'integrated-care-board': {
    pattern: /^Q[A-Z0-9]{2}$/,
    expected: 'Q and 2 letters or digits, for example QUE',
  },
  'primary-care-network': { pattern: /^U\d{5}$/, expected: 'U and 5 digits, for example U12345' },
  'gp-practice': { pattern: /^[A-Z]\d{5}$/, expected: 'a letter and 5 digits, for example D81001' },
  'health-board': {
    pattern: /^(S08\d{6}|[A-Z0-9]{3})$/,
    expected:
      "a Scottish board's ONS code, S08 and 6 digits (for example S08000031), or a Welsh board's 3-character ODS code (for example 7A1)",
  },
};

export function odsCodeProblem(code: unknown, type: unknown): string | undefined {
  if (typeof code !== 'string' || !/^[A-Z0-9]{1,9}$/.test(code)) {
    return 'ODS code must be 1 to 9 capital letters and digits';
  }
  const shape = PATTERN_BY_TYPE[type as OrganisationType];
  if (shape !== undefined && !shape.pattern.test(code)) {
    const label = String(type).replaceAll('-', ' ');
    const article = /^[aeiou]/.test(label) ? 'an' : 'a';
    return `The code of ${article} ${label} is ${shape.expected}, not ${code}`;
  }
  return undefined;
}

/** Checks an ODS code against the organisation type held in `typeProperty`. */
export function IsOdsCode(typeProperty: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isOdsCode',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          odsCodeProblem(value, (args.object as Record<string, unknown>)[typeProperty]) ===
          undefined,
        defaultMessage: (args: ValidationArguments) =>
          odsCodeProblem(args.value, (args.object as Record<string, unknown>)[typeProperty]) ?? '',
      },
    });
}
