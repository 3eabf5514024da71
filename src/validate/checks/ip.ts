// IP checks of apimachinery pkg/util/validation/ip.go (IsValidIP with its flags) and core
// validation ValidateNonSpecialIP / ValidateEndpointIP, with their messages.

import { formatIP, parseIP } from '../../sim';
import { invalid, type FieldError, type FieldPath } from './field';

/**
 * IsValidIPForLegacyField with StrictIPCIDRValidation off (alpha in 1.35: its beta is a 1.36 change):
 * any IP that ParseIPSloppy accepts, leading zeros and IPv4-mapped IPv6 included.
 */
export function validateIPLegacy(value: string, path: FieldPath): FieldError[] {
  return parseIP(value, { sloppy: true }) ? [] : [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

/** GetWarningsForIP: what the API server warns about an IP accepted by validateIPLegacy. */
export function ipWarnings(value: string, path: FieldPath): string[] {
  const ip = parseIP(value, { sloppy: true });
  if (!ip) return [];
  const strict = parseIP(value, { sloppy: false });
  if (!strict || (value.includes(':') && ip.family === 'IPv4'))
    return [`${path.text}: non-standard IP address "${value}" will be considered invalid in a future Kubernetes release: use "${formatIP(ip)}"`];
  if (ip.family === 'IPv6' && formatIP(ip) !== value)
    return [`${path.text}: IPv6 address "${value}" should be in RFC 5952 canonical format ("${formatIP(ip)}")`];
  return [];
}

/** Strict parse (no leading zeros, no IPv4-mapped IPv6), optional canonical-form and family checks. */
export function validateIPStrict(value: string, path: FieldPath, canonical: boolean, family?: 'IPv4' | 'IPv6'): FieldError[] {
  const ip = parseIP(value, { sloppy: true });
  if (!ip) return [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
  const errs: FieldError[] = [];
  if (!parseIP(value, { sloppy: false })) errs.push(invalid(path, value, 'must not have leading 0s'));
  if (value.includes(':') && ip.family === 'IPv4') errs.push(invalid(path, value, 'must not be an IPv4-mapped IPv6 address'));
  if (canonical && errs.length === 0 && value !== formatIP(ip)) errs.push(invalid(path, value, `must be in canonical form ("${formatIP(ip)}")`));
  if (family === 'IPv4' && ip.family !== 'IPv4') errs.push(invalid(path, value, 'must be an IPv4 address'));
  if (family === 'IPv6' && ip.family !== 'IPv6') errs.push(invalid(path, value, 'must be an IPv6 address'));
  return errs;
}

/**
 * ValidateEndpointIP (core validation): endpoints and external IPs may not be unspecified, loopback
 * or link-local. Only the special-range part: an unparsable IP is already reported by validateIPStrict.
 */
export function validateEndpointIP(value: string, path: FieldPath): FieldError[] {
  const ip = parseIP(value, { sloppy: true });
  if (!ip) return [];
  const b = ip.bytes;
  const v4 = ip.family === 'IPv4';
  const errs: FieldError[] = [];
  if (v4 ? b[12] === 0 && b[13] === 0 && b[14] === 0 && b[15] === 0 : b.every((x) => x === 0))
    errs.push(invalid(path, value, `may not be unspecified (${value})`));
  if (v4 ? b[12] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1)
    errs.push(invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (v4 ? b[12] === 169 && b[13] === 254 : b[0] === 0xfe && (b[1] & 0xc0) === 0x80)
    errs.push(invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (v4 ? b[12] === 224 && b[13] === 0 && b[14] === 0 : b[0] === 0xff && (b[1] & 0x0f) === 0x02)
    errs.push(invalid(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}
