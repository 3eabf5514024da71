// discovery.k8s.io/v1 EndpointSlice validation (pkg/apis/discovery/validation/validation.go, 1.33+,
// as summarised in reference §14.2), after the v1 defaults (port name "", protocol TCP).
// Deliberately NOT validated, as upstream: port numbers (0 and 70000 are accepted), conditions,
// whether referenced Services, Pods or Nodes exist.

import { duplicate, FieldPath, invalid, notSupported, required, tooMany, type FieldError } from './field';
import { validateEndpointIP, validateIPStrict } from './ip';
import { prefixable, validateObjectMeta } from './meta';
import { isDNS1123Label, isDNS1123Subdomain, isFullyQualifiedDomainName, isQualifiedName, isValidLabelValue } from './names';
import { arr, has, isObj, obj, str, type Obj } from './util';
import { parseIP } from '../../sim';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_ZONE_HINTS = 8;

export function validateEndpointSlice(es: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(es.metadata), true, prefixable(isDNS1123Subdomain), FieldPath.root('metadata'));
  const addrType = str(es.addressType);
  const atPath = FieldPath.root('addressType');
  if (!addrType) errs.push(required(atPath));
  else if (!ADDRESS_TYPES.includes(addrType)) errs.push(notSupported(atPath, addrType, ADDRESS_TYPES));

  const endpoints = arr(es.endpoints);
  const epPath = FieldPath.root('endpoints');
  if (endpoints.length > MAX_ENDPOINTS) errs.push(tooMany(epPath, endpoints.length, MAX_ENDPOINTS));
  else
    endpoints.map(obj).forEach((ep, i) => {
      const ip = epPath.index(i);
      const addrPath = ip.child('addresses');
      const addresses = arr(ep.addresses).map(str);
      if (addresses.length === 0) errs.push(required(addrPath, 'must contain at least 1 address'));
      else if (addresses.length > MAX_ADDRESSES) errs.push(tooMany(addrPath, addresses.length, MAX_ADDRESSES));
      addresses.forEach((a, j) => {
        const ap = addrPath.index(j);
        if (addrType === 'IPv4' || addrType === 'IPv6') {
          errs.push(...validateIPStrict(a, ap, true));
          const parsed = parseIP(a, { sloppy: true });
          // reference §14.2: the family mismatch is reported on the list, without the index
          if (parsed && parsed.family !== addrType) errs.push({ ...invalid(addrPath, a, `must be an ${addrType} address`), pointer: ap.pointer });
          errs.push(...validateEndpointIP(a, ap));
        } else if (addrType === 'FQDN') {
          if (!a) errs.push(required(ap));
          else for (const m of isFullyQualifiedDomainName(a)) errs.push(invalid(ap, a.replace(/\.$/, ''), m));
        }
      });
      if (has(ep, 'nodeName')) for (const m of isDNS1123Subdomain(str(ep.nodeName))) errs.push(invalid(ip.child('nodeName'), str(ep.nodeName), m));
      if (has(ep, 'hostname')) for (const m of isDNS1123Label(str(ep.hostname))) errs.push(invalid(ip.child('hostname'), str(ep.hostname), m));
      const hints = ep.hints;
      if (isObj(hints)) {
        const fz = arr(hints.forZones).map(obj);
        const fzPath = ip.child('hints', 'forZones');
        if (fz.length > MAX_ZONE_HINTS) errs.push(tooMany(fzPath, fz.length, MAX_ZONE_HINTS));
        else {
          const seen = new Set<string>();
          fz.forEach((z, k) => {
            const zp = fzPath.index(k).child('name');
            const n = str(z.name);
            if (seen.has(n)) errs.push(duplicate(zp, n));
            seen.add(n);
            for (const m of isValidLabelValue(n)) errs.push(invalid(zp, n, m));
          });
        }
      }
    });

  const ports = arr(es.ports).map(obj);
  const portsPath = FieldPath.root('ports');
  if (ports.length > MAX_PORTS) errs.push(tooMany(portsPath, ports.length, MAX_PORTS));
  else {
    const names = new Set<string>();
    ports.forEach((p, i) => {
      const pp = portsPath.index(i);
      const name = str(p.name);
      if (name) for (const m of isDNS1123Label(name)) errs.push(invalid(pp.child('name'), name, m));
      if (names.has(name)) errs.push(duplicate(pp.child('name'), name));
      else names.add(name);
      const proto = has(p, 'protocol') ? str(p.protocol) : 'TCP';
      if (!PROTOCOLS.includes(proto)) errs.push(notSupported(pp.child('protocol'), proto, PROTOCOLS));
      if (has(p, 'appProtocol')) for (const m of isQualifiedName(str(p.appProtocol))) errs.push(invalid(pp.child('appProtocol'), str(p.appProtocol), m));
    });
  }
  return errs;
}
