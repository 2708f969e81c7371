import { claimAt, rolesFrom } from './issuer-verifier.js';

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

describe('claimAt', () => {
  it('reads a claim, a nested claim and a field of each object of a list', () => {
    const payload = {
      roles: ['admin'],
      realm_access: { roles: ['clinician'] },
      nhsid_nrbac_roles: [{ role_code: 'S8000:G8000:R8000' }, { role_code: 'S0080:G0450:R5080' }],
    };
    expect(claimAt(payload, 'roles')).toEqual(['admin']);
    expect(claimAt(payload, 'realm_access.roles')).toEqual(['clinician']);
    expect(claimAt(payload, 'nhsid_nrbac_roles[].role_code')).toEqual([
      'S8000:G8000:R8000',
      'S0080:G0450:R5080',
    ]);
    expect(claimAt(payload, 'missing.roles')).toBeUndefined();
  });
});
