import { describe, expect, it } from 'vitest';
import {
  checkCidr,
  cidrContainsCidr,
  cidrContainsIp,
  formatCidr,
  formatIp,
  lastAddress,
  parseCidr,
  parseIp,
  usableHostProblem,
  type Cidr,
  type Ip,
} from '@shared/lib/cidr';
import { createNetworkInputSchema, ipamProblems } from '@shared/contract';

const ip = (t: string) => parseIp(t) as Ip;
const cidr = (t: string) => parseCidr(t) as Cidr;

describe('IP addresses', () => {
  it('parses IPv4 strictly', () => {
    expect(parseIp('172.28.5.254')).toEqual({ family: 4, value: 0xac1c05fen });
    expect(parseIp('0.0.0.0')?.value).toBe(0n);
    expect(parseIp(' 10.0.0.1 ')?.family).toBe(4);
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', '1..3.4', '', 'a.b.c.d']) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it('parses IPv6 with compression and an embedded IPv4 tail', () => {
    expect(parseIp('::')?.value).toBe(0n);
    expect(parseIp('::1')?.value).toBe(1n);
    expect(parseIp('2001:db8::1')?.value).toBe((0x20010db8n << 96n) | 1n);
    expect(parseIp('2001:0db8:0000:0000:0000:0000:0000:0001')?.value).toBe(parseIp('2001:db8::1')?.value);
    expect(parseIp('::ffff:10.0.0.1')?.value).toBe((0xffffn << 32n) | 0x0a000001n);
    for (const bad of ['1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1', '1:2:3:4:5:6:7', 'fe80::1%eth0']) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it('formats back canonically (RFC 5952 zero compression)', () => {
    expect(formatIp(ip('10.1.2.3'))).toBe('10.1.2.3');
    expect(formatIp(ip('2001:0db8:0:0:0:0:0:1'))).toBe('2001:db8::1');
    expect(formatIp(ip('2001:db8:0:1:0:0:0:1'))).toBe('2001:db8:0:1::1');
    expect(formatIp(ip('::'))).toBe('::');
    expect(formatIp(ip('1:0:2:0:3:0:4:0'))).toBe('1:0:2:0:3:0:4:0');
  });
});

describe('CIDR blocks', () => {
  it('parses valid blocks of both families', () => {
    expect(formatCidr(cidr('172.28.0.0/16'))).toBe('172.28.0.0/16');
    expect(formatCidr(cidr('10.0.0.0/8'))).toBe('10.0.0.0/8');
    expect(formatCidr(cidr('0.0.0.0/0'))).toBe('0.0.0.0/0');
    expect(formatCidr(cidr('10.1.2.3/32'))).toBe('10.1.2.3/32');
    expect(formatCidr(cidr('2001:db8::/64'))).toBe('2001:db8::/64');
  });

  it('explains what is wrong', () => {
    expect(checkCidr('172.28.0.0')).toEqual({ ok: false, problem: { kind: 'syntax' } });
    expect(checkCidr('172.28.0.0/')).toEqual({ ok: false, problem: { kind: 'syntax' } });
    expect(checkCidr('172.28.0.0/abc')).toEqual({ ok: false, problem: { kind: 'syntax' } });
    expect(checkCidr('300.0.0.0/8')).toEqual({ ok: false, problem: { kind: 'syntax' } });
    expect(checkCidr('10.0.0.0/33')).toEqual({ ok: false, problem: { kind: 'prefix', max: 32 } });
    expect(checkCidr('2001:db8::/129')).toEqual({ ok: false, problem: { kind: 'prefix', max: 128 } });
    expect(checkCidr('172.28.5.1/16')).toEqual({
      ok: false,
      problem: { kind: 'host-bits', suggestion: '172.28.0.0/16' },
    });
  });

  it('tells containment of addresses and blocks, per family', () => {
    const net = cidr('172.28.0.0/16');
    expect(cidrContainsIp(net, ip('172.28.255.7'))).toBe(true);
    expect(cidrContainsIp(net, ip('172.29.0.1'))).toBe(false);
    expect(cidrContainsIp(net, ip('::ffff:172.28.0.1'))).toBe(false);
    expect(cidrContainsCidr(net, cidr('172.28.5.0/24'))).toBe(true);
    expect(cidrContainsCidr(net, net)).toBe(true);
    expect(cidrContainsCidr(net, cidr('172.0.0.0/8'))).toBe(false);
    expect(cidrContainsCidr(net, cidr('172.29.0.0/24'))).toBe(false);
    expect(cidrContainsCidr(cidr('2001:db8::/32'), cidr('2001:db8:1::/48'))).toBe(true);
    expect(lastAddress(cidr('10.0.0.0/24'))).toBe(ip('10.0.0.255').value);
  });

  it('refuses network and broadcast addresses for hosts in IPv4', () => {
    const net = cidr('10.9.0.0/24');
    expect(usableHostProblem(net, ip('10.9.0.1'), 'gateway')).toBeNull();
    expect(usableHostProblem(net, ip('10.9.0.0'), 'gateway')).toMatch(/network address/);
    expect(usableHostProblem(net, ip('10.9.0.255'), 'gateway')).toMatch(/broadcast address/);
    expect(usableHostProblem(net, ip('10.9.1.1'), 'gateway')).toBe(
      'The gateway 10.9.1.1 is not inside the subnet 10.9.0.0/24.',
    );
    // /31 point-to-point links use both addresses.
    expect(usableHostProblem(cidr('10.9.0.0/31'), ip('10.9.0.0'), 'address')).toBeNull();
  });
});

describe('network addressing as the form and the contract check it', () => {
  it('accepts a consistent IPv4 and IPv6 configuration', () => {
    expect(
      ipamProblems(
        [
          { subnet: '172.28.0.0/16', gateway: '172.28.0.1', ipRange: '172.28.5.0/24' },
          { subnet: 'fd00:1::/64', gateway: 'fd00:1::1' },
        ],
        true,
      ),
    ).toEqual([]);
  });

  it('points at the field at fault', () => {
    const problems = ipamProblems(
      [{ subnet: '172.28.0.0/16', gateway: '10.0.0.1', ipRange: '172.29.0.0/24' }],
      false,
    );
    expect(problems.map((p) => p.path.join('.'))).toEqual(['ipam.0.gateway', 'ipam.0.ipRange']);
    expect(problems[0]?.message).toMatch(/not inside the subnet 172.28.0.0\/16/);
    expect(ipamProblems([{ subnet: 'fd00::/64' }], false)[0]?.message).toMatch(/IPv6 to be enabled/);
    expect(ipamProblems([{ subnet: '10.0.0.0/16' }, { subnet: '10.0.1.0/24' }], false)[0]?.message).toMatch(
      /Overlaps/,
    );
    expect(ipamProblems([{ subnet: '10.0.0.0/24', gateway: 'fd00::1' }], false)[0]?.message).toMatch(/IPv4/);
    expect(ipamProblems([{ subnet: '', gateway: '10.0.0.1' }], false)[0]?.path).toEqual([
      'ipam',
      0,
      'subnet',
    ]);
  });

  it('the contract refuses what the form refuses', () => {
    const base = { hostId: 'h1', name: 'n1', driver: 'bridge' };
    expect(createNetworkInputSchema.safeParse({ ...base, ipam: [{ subnet: '10.0.0.0/24' }] }).success).toBe(
      true,
    );
    const bad = createNetworkInputSchema.safeParse({
      ...base,
      ipam: [{ subnet: '10.0.0.0/24', gateway: '10.0.1.1' }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['ipam', 0, 'gateway']);
    expect(createNetworkInputSchema.safeParse({ ...base, name: 'bridge' }).success).toBe(false);
    expect(createNetworkInputSchema.safeParse({ ...base, driver: 'host' }).success).toBe(false);
    expect(createNetworkInputSchema.safeParse({ ...base, labels: { 'a b': 'x' } }).success).toBe(false);
  });
});
