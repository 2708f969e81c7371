import { organisationCodeSystem } from './membership.events.js';

describe('organisation codes', () => {
  it("reads a Scottish health board's S08 code as ONS and everything else as ODS", () => {
    expect(organisationCodeSystem('S08000031')).toBe('ons');
    expect(organisationCodeSystem('RGT')).toBe('ods');
    expect(organisationCodeSystem('7A1')).toBe('ods'); // a Welsh board is in ODS
    expect(organisationCodeSystem('S92000003')).toBe('ods'); // Scotland as a whole: no board
    expect(organisationCodeSystem('S0800003')).toBe('ods');
  });
});
