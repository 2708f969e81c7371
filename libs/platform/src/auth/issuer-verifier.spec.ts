import { rolesFrom } from './issuer-verifier.js';

describe('rolesFrom', () => {
  const entra = { 'CancerNetwork.Admin': 'admin', 'CancerNetwork.Clinician': 'clinician' } as const;

  it('maps provider role names to platform roles and ignores the rest', () => {
    expect(rolesFrom(['CancerNetwork.Admin', 'Directory.Reader'], entra)).toEqual(['admin']);
    expect(rolesFrom(['CancerNetwork.Clinician', 'CancerNetwork.Admin'], entra)).toEqual([
      'clinician',
      'admin',
    ]);
  });

  it('lets a platform role name stand for itself and reads space-separated claims', () => {
    expect(rolesFrom('clinician service', {})).toEqual(['clinician', 'service']);
    expect(rolesFrom(['admin', 'admin'], {})).toEqual(['admin']);
  });

  it('grants nothing for a missing or odd claim', () => {
    expect(rolesFrom(undefined, entra)).toEqual([]);
    expect(rolesFrom({ roles: ['admin'] }, entra)).toEqual([]);
    expect(rolesFrom([42, null], entra)).toEqual([]);
  });
});
