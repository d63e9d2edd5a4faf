// Which addresses the hub may fetch from: public unicast only. IPv4: everything outside IANA's
// special-purpose ranges. IPv6: only global unicast (2000::/3) outside its special ranges, so
// loopback, unique-local, link-local, multicast, IPv4-mapped (::ffff:0:0/96), IPv4-compatible,
// NAT64, 6to4 and Teredo addresses are all refused — each can lead back to an internal host.
// `--allow-private` names addresses or ranges to permit anyway (a hub fetching from its own LAN).
import { BlockList, isIP } from 'node:net';
import { usageError } from '../../errors.js';

type Family = 'ipv4' | 'ipv6';

interface Range {
  label: string;
  family: Family;
  network: string;
  prefix: number;
}

const RANGES: readonly Range[] = [
  ['this network', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['shared (carrier-grade NAT)', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['IETF protocol assignment', '192.0.0.0', 24],
  ['documentation', '192.0.2.0', 24],
  ['6to4 relay', '192.88.99.0', 24],
  ['private', '192.168.0.0', 16],
  ['benchmarking', '198.18.0.0', 15],
  ['documentation', '198.51.100.0', 24],
  ['documentation', '203.0.113.0', 24],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
]
  .map(([label, network, prefix]) => ({ label, family: 'ipv4', network, prefix }) as Range)
  .concat(
    [
      ['loopback', '::1', 128],
      ['unspecified', '::', 128],
      ['IPv4-mapped', '::ffff:0:0', 96],
      ['NAT64', '64:ff9b::', 96],
      ['not global unicast', '::', 3],
      ['IETF protocol assignment (Teredo, …)', '2001::', 23],
      ['documentation', '2001:db8::', 32],
      ['6to4', '2002::', 16],
      ['documentation', '3fff::', 20],
      ['unique-local', 'fc00::', 7],
      ['link-local', 'fe80::', 10],
      ['multicast', 'ff00::', 8],
      ['not global unicast', '4000::', 2],
      ['not global unicast', '8000::', 1],
    ].map(([label, network, prefix]) => ({ label, family: 'ipv6', network, prefix }) as Range),
  );

// One list per range, so a refusal can say which range; v4 and v6 kept apart (a BlockList matches
// an IPv4 address against IPv6 rules through its mapped form).
const LISTS = RANGES.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, range.family);
  return { range, list };
});

export function familyOf(address: string): Family | null {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
}

/** Why the address is not public unicast (`loopback`, `IPv4-mapped`, …), or null when it is. */
export function nonPublicReason(address: string): string | null {
  const family = familyOf(address);
  if (family === null) return 'not an IP address';
  for (const { range, list } of LISTS) if (range.family === family && list.check(address, family)) return range.label;
  return null;
}

/** `--allow-private` entries: addresses (`10.0.0.5`, `::1`) and CIDR ranges (`10.0.0.0/8`). */
export class AddressAllowList {
  private readonly list = new BlockList();
  readonly entries: readonly string[];

  constructor(entries: readonly string[]) {
    this.entries = entries;
    for (const entry of entries) {
      const [network, prefixText, extra] = entry.split('/');
      const family = familyOf(network);
      if (family === null || extra !== undefined) throw usageError(`--allow-private expects an IP address or CIDR range, got ${JSON.stringify(entry)}`);
      if (prefixText === undefined) {
        this.list.addAddress(network, family);
        continue;
      }
      const prefix = Number(prefixText);
      if (!/^\d+$/.test(prefixText) || prefix > (family === 'ipv4' ? 32 : 128)) throw usageError(`--allow-private: bad prefix length in ${JSON.stringify(entry)}`);
      this.list.addSubnet(network, prefix, family);
    }
  }

  allows(address: string): boolean {
    const family = familyOf(address);
    return family !== null && this.entries.length > 0 && this.list.check(address, family);
  }
}

/** Null when the hub may connect to `address`, else why not. */
export function refusal(address: string, allowed: AddressAllowList): string | null {
  const reason = nonPublicReason(address);
  if (reason === null || allowed.allows(address)) return null;
  return `${address} is a ${reason} address (not allowed unless listed in --allow-private)`;
}
