import { DEV_ISSUER, devIdentitySettings } from './settings.js';

describe('devIdentitySettings', () => {
  it('listens on loopback at the development issuer by default', () => {
    const settings = devIdentitySettings({});
    expect(settings.issuer).toBe(DEV_ISSUER);
    expect(settings.port).toBe(3010);
    expect(settings.host).toBeUndefined();
  });

  it('listens where IDENTITY_HOST says, for a container', () => {
    const settings = devIdentitySettings({
      IDENTITY_HOST: '0.0.0.0',
      IDENTITY_ISSUER: 'http://identity:3010',
    });
    expect(settings.host).toBe('0.0.0.0');
    expect(settings.issuer).toBe('http://identity:3010');
    expect(settings.port).toBe(3010);
  });

  it('refuses to run in production', () => {
    expect(() => devIdentitySettings({ NODE_ENV: 'production' })).toThrow(/never runs/);
  });
});
