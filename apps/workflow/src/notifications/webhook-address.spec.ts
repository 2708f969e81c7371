import { isPublicAddress, webhookUrlProblems, type WebhookPolicy } from './webhook-address.js';

const strict: WebhookPolicy = { allowInsecure: false, allowPrivateNetworks: false };

/** A resolver standing in for DNS, so the test says what each name resolves to. */
function dns(table: Record<string, string[]>) {
  return (hostname: string) => {
    const addresses = table[hostname];
    return addresses
      ? Promise.resolve(addresses)
      : Promise.reject(
          Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
        );
  };
}

describe('webhook addresses', () => {
  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback, anywhere in 127/8', '127.1.2.3'],
    ['private 10/8', '10.0.0.1'],
    ['private 172.16/12', '172.16.0.1'],
    ['private 172.16/12, its top', '172.31.255.254'],
    ['private 192.168/16', '192.168.1.1'],
    ['link-local, the cloud metadata service', '169.254.169.254'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['unspecified', '0.0.0.0'],
    ['this network', '0.1.2.3'],
    ['multicast', '224.0.0.1'],
    ['broadcast', '255.255.255.255'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unspecified', '::'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 unique-local', 'fd00::1'],
    ['IPv6 unique-local, fc00::/7', 'fc12:3456::1'],
    ['IPv6 multicast', 'ff02::1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped metadata service', '::ffff:169.254.169.254'],
    ['IPv4-mapped private, hex form', '::ffff:a00:1'],
  ])('refuses %s (%s)', (_what, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '93.184.215.14',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
  ])('accepts the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses what is not an address at all', () => {
    expect(isPublicAddress('not-an-address')).toBe(false);
  });
});

describe('a webhook URL', () => {
  const resolve = dns({
    'hooks.example.org': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'rebind.example.org': ['127.0.0.1'],
    'mixed.example.org': ['93.184.215.14', '10.0.0.7'],
    'metadata.example.org': ['169.254.169.254'],
  });

  it('is accepted over https to a host that resolves only to public addresses', async () => {
    await expect(
      webhookUrlProblems('https://hooks.example.org/in', strict, resolve),
    ).resolves.toEqual([]);
    await expect(webhookUrlProblems('https://8.8.8.8/in', strict, resolve)).resolves.toEqual([]);
  });

  it('needs https unless insecure webhooks are allowed', async () => {
    await expect(
      webhookUrlProblems('http://hooks.example.org/in', strict, resolve),
    ).resolves.toEqual([expect.stringMatching(/https/)]);
    await expect(
      webhookUrlProblems(
        'http://hooks.example.org/in',
        { ...strict, allowInsecure: true },
        resolve,
      ),
    ).resolves.toEqual([]);
  });

  it.each([
    'https://127.0.0.1/in',
    'https://[::1]/in',
    'https://[::ffff:127.0.0.1]/in',
    'https://169.254.169.254/latest/meta-data/',
    'https://2130706433/in',
    'https://0x7f.1/in',
    'https://rebind.example.org/in',
    'https://metadata.example.org/in',
    'https://mixed.example.org/in',
  ])('is refused when %s reaches a private, loopback or link-local address', async (url) => {
    await expect(webhookUrlProblems(url, strict, resolve)).resolves.toEqual([
      expect.stringMatching(/not public/),
    ]);
  });

  it('may reach private networks only where that is allowed', async () => {
    const local = { allowInsecure: true, allowPrivateNetworks: true };
    await expect(webhookUrlProblems('http://127.0.0.1:9/in', local, resolve)).resolves.toEqual([]);
    await expect(
      webhookUrlProblems('https://rebind.example.org/in', local, resolve),
    ).resolves.toEqual([]);
  });

  it('is refused when its host does not resolve, or it is no http(s) URL', async () => {
    await expect(
      webhookUrlProblems('https://nowhere.example.org/in', strict, resolve),
    ).resolves.toEqual([expect.stringMatching(/does not resolve/)]);
    await expect(
      webhookUrlProblems('ftp://hooks.example.org/in', strict, resolve),
    ).resolves.toEqual([expect.stringMatching(/https/)]);
    await expect(webhookUrlProblems('not a url', strict, resolve)).resolves.toEqual([
      expect.stringMatching(/URL/),
    ]);
  });
});
