import { registerDecorator, type ValidationArguments } from 'class-validator';
import type { ORGANISATION_TYPES } from '#contracts';

type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * ODS codes are 1 to 9 capital letters and digits; some organisation types have a fixed
 * length: a trust 3 (RGT, R0A), a trust site 5, an ICB 3, a PCN 6 (U12345), a GP practice 6.
 */
const LENGTH_BY_TYPE: Partial<Record<OrganisationType, number>> = {
  'acute-trust': 3,
  'trust-site': 5,
  'integrated-care-board': 3,
  'primary-care-network': 6,
  'gp-practice': 6,
};

export function odsCodeProblem(code: unknown, type: unknown): string | undefined {
  if (typeof code !== 'string' || !/^[A-Z0-9]{1,9}$/.test(code)) {
    return 'ODS code must be 1 to 9 capital letters and digits';
  }
  const length = LENGTH_BY_TYPE[type as OrganisationType];
  if (length !== undefined && code.length !== length) {
    const label = String(type).replaceAll('-', ' ');
    const article = /^[aeiou]/.test(label) ? 'an' : 'a';
    return `ODS code of ${article} ${label} has ${length} characters, not ${code.length}`;
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
