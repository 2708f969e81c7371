import { validate } from 'class-validator';
import { decimalPlaces, IsDecimalNumber } from './is-decimal-number.js';

class ShareDto {
  @IsDecimalNumber({ maxDecimalPlaces: 2 })
  share!: unknown;
}

const errorsFor = async (share: unknown) =>
  (await validate(Object.assign(new ShareDto(), { share }))).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('IsDecimalNumber', () => {
  it('counts the places of numbers written in exponent notation too', () => {
    expect(decimalPlaces(3)).toBe(0);
    expect(decimalPlaces(3.25)).toBe(2);
    expect(decimalPlaces(1e21)).toBe(0);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(decimalPlaces(1.5e-7)).toBe(8);
    expect(decimalPlaces(5e-324)).toBe(324);
  });

  it('takes a number with at most the places allowed', async () => {
    expect(await errorsFor(0.25)).toEqual([]);
    expect(await errorsFor(40)).toEqual([]);
  });

  it.each([0.125, 5e-324, -9e-323, 1e-7, Infinity, NaN, '1.5', null])(
    'refuses %p with a message, where @IsNumber({ maxDecimalPlaces }) throws on some',
    async (value) => {
      expect(await errorsFor(value)).toEqual([
        'share must be a number with at most 2 decimal places',
      ]);
    },
  );
});
