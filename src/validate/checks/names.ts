// String format checks of k8s.io/apimachinery/pkg/util/validation/validation.go, with its messages.
// The label-key and label-value formats live with the simulator's label selectors (src/sim/labels),
// which need them too; they are re-exported here so every check reads them from one place.

import { DNS1123_SUBDOMAIN_FMT, emptyError, goLen, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, maxLenError, regexError } from '../../sim';

export { emptyError, goLen, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, maxLenError, regexError };

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';

const dns1123Label = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const dns1123Subdomain = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const dns1035Label = new RegExp(`^${DNS1035_LABEL_FMT}$`);

const DNS1123_LABEL_MSG = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character';
const DNS1035_LABEL_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

export function isDNS1123Label(v: string): string[] {
  const errs: string[] = [];
  if (goLen(v) > 63) errs.push(maxLenError(63));
  if (!dns1123Label.test(v)) {
    if (dns1123Subdomain.test(v)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1035Label(v: string): string[] {
  const errs: string[] = [];
  if (goLen(v) > 63) errs.push(maxLenError(63));
  if (!dns1035Label.test(v)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** IANA_SVC_NAME (RFC 6335): container port names and Service targetPort names. */
export function isValidPortName(v: string): string[] {
  const errs: string[] = [];
  if (goLen(v) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(v)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(v)) errs.push('must contain at least one letter (a-z)');
  if (v.includes('--')) errs.push('must not contain consecutive hyphens');
  if (v.length > 0 && (v[0] === '-' || v[v.length - 1] === '-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

export const PORT_RANGE_ERROR = 'must be between 1 and 65535, inclusive';
export const isValidPortNum = (p: number): boolean => Number.isInteger(p) && p >= 1 && p <= 65535;

/** IsFullyQualifiedDomainName (EndpointSlice FQDN addresses, ExternalName). */
export function isFullyQualifiedDomainName(v: string): string[] {
  let name = v;
  if (name.endsWith('.')) name = name.slice(0, -1);
  const errs: string[] = [];
  const sub = isDNS1123Subdomain(name);
  if (sub.length) return sub;
  if (name.split('.').length < 2) errs.push('should be a domain with at least two segments separated by dots');
  for (const label of name.split('.')) {
    for (const m of isDNS1123Label(label)) errs.push(m);
  }
  return errs;
}
