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
  ])('accepts %s for a %s', (code, type) => {
    expect(odsCodeProblem(code, type)).toBeUndefined();
  });

  it.each([
    ['rgt', 'acute-trust', /capital letters and digits/],
    ['RGT-01', 'trust-site', /capital letters and digits/],
    ['ABCDEFGHIJ', 'other', /1 to 9/],
    ['RGT1', 'acute-trust', /^ODS code of an acute trust has 3 characters, not 4$/],
    ['RGT', 'trust-site', /^ODS code of a trust site has 5 characters, not 3$/],
    ['D8100', 'gp-practice', /gp practice has 6 characters/],
  ])('refuses %s for a %s', (code, type, message) => {
    expect(odsCodeProblem(code, type)).toMatch(message);
  });
});
