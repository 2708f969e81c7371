import { lookup as lookupCallback, type LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Where webhooks may go: set from the configuration (see `webhookPolicy` in config.ts). */
export interface WebhookPolicy {
  /** http:// URLs, for a local sink in development and tests; never in production. */
  readonly allowInsecure: boolean;
  /** Private, loopback and link-local addresses, for the same; never in production. */
  readonly allowPrivateNetworks: boolean;
}

/**
 * Addresses a webhook must not reach: the service's own machine and networks, and what is not
 * one host on the internet. IPv4-mapped IPv6 forms (::ffff:127.0.0.1) are checked as the IPv4
 * address they carry: BlockList does that itself.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, the cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some)
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (an IP address) is one host on the public internet. */
export function isPublicAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 0) {
    return false;
  }
  return !NOT_PUBLIC.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/** The host of a URL as an address or name: `[::1]` loses its brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refusedAddresses(addresses: readonly string[], host: string): string | undefined {
  const refused = addresses.filter((address) => !isPublicAddress(address));
  if (refused.length === 0) {
    return undefined;
  }
  const which = isIP(host)
    ? `${host} is not public`
    : `${host} resolves to ${refused.join(', ')}, which ${refused.length === 1 ? 'is' : 'are'} not public`;
  return `${which}: webhooks may not reach private, loopback or link-local addresses`;
}

function schemeProblem(url: URL, policy: WebhookPolicy): string | undefined {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && policy.allowInsecure)) {
    return undefined;
  }
  return 'must be an https:// URL';
}

type Resolve = (hostname: string) => Promise<readonly string[]>;

/** Every address of a name; a name that takes over five seconds counts as not resolving. */
const resolveAll: Resolve = async (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${hostname} took too long to resolve`)), 5000);
  });
  try {
    const found = await Promise.race([lookup(hostname, { all: true, verbatim: true }), timeout]);
    return found.map((entry) => entry.address);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * What is wrong with a webhook URL, checked when a member sets it: the scheme, and every address
 * its host resolves to. Delivery checks again (`guardedLookup`), for a name can be re-pointed
 * (DNS rebinding) after it was set.
 */
export async function webhookUrlProblems(
  text: string,
  policy: WebhookPolicy,
  resolve: Resolve = resolveAll,
): Promise<string[]> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return ['must be an absolute https:// URL'];
  }
  const problems: string[] = [];
  const scheme = schemeProblem(url, policy);
  if (scheme) {
    problems.push(scheme);
  }
  if (!['http:', 'https:'].includes(url.protocol) || policy.allowPrivateNetworks) {
    return problems;
  }
  const host = hostOf(url);
  let addresses: readonly string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return [...problems, `${host} does not resolve to an address`];
  }
  const refused = refusedAddresses(addresses, host);
  return refused ? [...problems, refused] : problems;
}

/**
 * Checks a URL before a delivery connects: the scheme, and the host when it is an address
 * (Node connects to an address without calling `lookup`). A name is checked by `guardedLookup`.
 */
export function deliveryProblem(url: URL, policy: WebhookPolicy): string | undefined {
  const scheme = schemeProblem(url, policy);
  if (scheme) {
    return `The webhook URL ${scheme}`;
  }
  const host = hostOf(url);
  if (!policy.allowPrivateNetworks && isIP(host)) {
    return refusedAddresses([host], host);
  }
  return undefined;
}

/**
 * A `lookup` for http(s).request that resolves the name and refuses it when any address it has
 * is not public, so the connection goes to an address that was checked, with no gap between
 * checking and connecting for the name to be re-pointed in.
 */
export function guardedLookup(policy: WebhookPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookupCallback(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const refused = policy.allowPrivateNetworks
        ? undefined
        : refusedAddresses(
            found.map((entry) => entry.address),
            hostname,
          );
      if (refused) {
        callback(Object.assign(new Error(refused), { code: 'EWEBHOOKADDRESS' }), '', 0);
      } else if (options.all) {
        callback(null, found);
      } else {
        callback(null, found[0]!.address, found[0]!.family);
      }
    });
  };
}
