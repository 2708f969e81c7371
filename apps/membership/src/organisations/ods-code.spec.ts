import { odsCodeProblem } from './ods-code.js';

describe('ODS codes', () => {
  it.each([
    ['RGT', 'acute-trust'],
    ['R0A', 'acute-trust'],
    ['RGT01', 'trust-site'],
    ['QUE', 'integrated-care-board'],
    ['U12345', 'primary-care-network'],
    ['D81001', 'gp-practice'],
    ['NQ1', 'hospice'],
    ['S08000015', 'health-board'],
    ['7A1', 'health-board'],
    ['QH8', 'integrated-care-board'],
  ])('accepts %s for a %s', (code, type) => {
    expect(odsCodeProblem(code, type)).toBeUndefined();
  });

  it.each([
    ['rgt', 'acute-trust', /capital letters and digits/],
    ['RGT-01', 'trust-site', /capital letters and digits/],
    ['ABCDEFGHIJ', 'other', /1 to 9/],
    [
      'RGT1',
      'acute-trust',
      /^The code of an acute trust is 3 letters or digits, for example RGT, not RGT1$/,
    ],
    [
      'RGT',
      'trust-site',
      /^The code of a trust site is 5 letters or digits, for example RGT01, not RGT$/,
    ],
    [
      'D8100',
      'gp-practice',
      /gp practice is a letter and 5 digits, for example D81001, not D8100$/,
    ],
    // Six digits pass a length check but are no GP practice.
    ['123456', 'gp-practice', /gp practice is a letter and 5 digits/],
    // A trust's three characters are no ICB.
    [
      'RGT',
      'integrated-care-board',
      /integrated care board is Q and 2 letters or digits, for example QUE, not RGT$/,
    ],
    [
      'A12345',
      'primary-care-network',
      /primary care network is U and 5 digits, for example U12345/,
    ],
    ['S0800003', 'health-board', /ONS code, S08 and 6 digits \(for example S08000031\)/],
  ])('refuses %s for a %s', (code, type, message) => {
    expect(odsCodeProblem(code, type)).toMatch(message);
  });
});
