import { isClinician } from '#contracts';
import { registrationProblem } from './professional-registration.js';

describe('professional registration', () => {
  it('accepts a 7-digit GMC number for a doctor and an NMC PIN for a nurse', () => {
    expect(registrationProblem('gmc', '1234567', 'doctor')).toBeUndefined();
    expect(registrationProblem('nmc', '12A3456B', 'nurse')).toBeUndefined();
  });

  it('names the field and the format when a number is malformed', () => {
    expect(registrationProblem('gmc', '123456', 'doctor')).toEqual({
      field: 'registration.number',
      message: 'Invalid GMC number: a GMC number is 7 digits',
    });
    expect(registrationProblem('nmc', '1234567', 'nurse')?.message).toMatch(/NMC PIN is 2 digits/);
  });

  it('refuses a register that does not fit the profession', () => {
    expect(registrationProblem('gmc', '1234567', 'nurse')).toEqual({
      field: 'registration.register',
      message: 'The GMC register is for a doctor, not a nurse',
    });
  });

  it('counts doctors, nurses and allied professionals as clinicians, not managers or patients', () => {
    expect(isClinician('doctor')).toBe(true);
    expect(isClinician('allied-health-professional')).toBe(true);
    expect(isClinician('manager')).toBe(false);
    expect(isClinician('patient-representative')).toBe(false);
  });
});
