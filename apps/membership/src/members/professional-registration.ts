import type { PROFESSIONS } from '#contracts';

type Profession = (typeof PROFESSIONS)[number];

/** GMC numbers are 7 digits; NMC PINs are 2 digits, a letter, 4 digits, a letter (12A3456B). */
const FORMATS = {
  gmc: { pattern: /^\d{7}$/, description: 'a GMC number is 7 digits', profession: 'doctor' },
  nmc: {
    pattern: /^\d{2}[A-Z]\d{4}[A-Z]$/,
    description: 'an NMC PIN is 2 digits, a letter, 4 digits and a letter (e.g. 12A3456B)',
    profession: 'nurse',
  },
} as const;

export function registrationProblem(
  register: 'gmc' | 'nmc',
  number: string,
  profession: Profession,
): { field: string; message: string } | undefined {
  const format = FORMATS[register];
  if (!format.pattern.test(number)) {
    return {
      field: 'registration.number',
      message: `Invalid ${register.toUpperCase()} number: ${format.description}`,
    };
  }
  if (profession !== format.profession) {
    return {
      field: 'registration.register',
      message: `The ${register.toUpperCase()} register is for a ${format.profession}, not a ${profession}`,
    };
  }
  return undefined;
}
