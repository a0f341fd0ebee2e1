import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const from = (xff: string | undefined) => clientIp(xff === undefined ? {} : { 'x-forwarded-for': xff });

describe('clientIp', () => {
  it('takes the right-most X-Forwarded-For entry, the one the nearest proxy added', () => {
    expect(from('198.51.100.9')).toBe('198.51.100.9');
    expect(from('1.2.3.4, 203.0.113.5')).toBe('203.0.113.5');
    expect(clientIp(new Headers({ 'x-forwarded-for': 'spoofed, 203.0.113.6' }))).toBe('203.0.113.6');
  });

  it('counts an IPv4-mapped address as its IPv4 address', () => {
    expect(from('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(from('::FFFF:10.1.2.3')).toBe('10.1.2.3');
  });

  it('groups IPv6 addresses by their /64 network', () => {
    expect(from('2001:db8:85a3:12::1')).toBe('2001:db8:85a3:12::/64');
    expect(from('2001:0db8:85a3:0012:ffff:1:2:3')).toBe('2001:db8:85a3:12::/64');
    expect(from('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(from('::1')).toBe('0:0:0:0::/64');
  });

  it('says unknown for a missing or malformed address', () => {
    expect(from(undefined)).toBe('unknown');
    expect(from('')).toBe('unknown');
    expect(from('not-an-ip')).toBe('unknown');
    expect(from('1.2.3.4, <script>')).toBe('unknown');
  });
});
