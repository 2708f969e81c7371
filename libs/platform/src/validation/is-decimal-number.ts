import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** How many digits a finite number has after the point, exponent notation (`5e-324`) included. */
export function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = value.toString().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * A finite number with at most `maxDecimalPlaces` digits after the point. class-validator's
 * `@IsNumber({ maxDecimalPlaces })` throws (a 500) on a fraction JavaScript writes in exponent
 * notation, such as `1e-7`, since it looks for a decimal point that is not there.
 */
export function IsDecimalNumber(
  options: { maxDecimalPlaces: number },
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const { maxDecimalPlaces } = options;
  return ValidateBy(
    {
      name: 'isDecimalNumber',
      constraints: [maxDecimalPlaces],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          decimalPlaces(value) <= maxDecimalPlaces,
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a number with at most ${maxDecimalPlaces} decimal place${maxDecimalPlaces === 1 ? '' : 's'}`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}
