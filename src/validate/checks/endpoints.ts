// v1 Endpoints validation: pkg/apis/core/validation ValidateEndpointsCreate → validateEndpointSubsets,
// validateEndpointAddress, validateEndpointPort (after defaulting: port protocol TCP). There is no
// address-count limit (1000 is only the controller's truncation point).

import { FieldPath, invalid, notSupported, required, type FieldError } from './field';
import { validateEndpointIP, validateIPLegacy } from './ip';
import { prefixable, validateObjectMeta } from './meta';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum, PORT_RANGE_ERROR } from './names';
import { arr, has, num, obj, str, type Obj } from './util';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateAddress(a: Obj, path: FieldPath): FieldError[] {
  const ipPath = path.child('ip');
  const errs = [...validateIPLegacy(str(a.ip), ipPath), ...validateEndpointIP(str(a.ip), ipPath)];
  if (str(a.hostname)) for (const m of isDNS1123Label(str(a.hostname))) errs.push(invalid(path.child('hostname'), str(a.hostname), m));
  if (has(a, 'nodeName')) for (const m of isDNS1123Subdomain(str(a.nodeName))) errs.push(invalid(path.child('nodeName'), str(a.nodeName), m));
  return errs;
}

export function validateEndpoints(ep: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(ep.metadata), true, prefixable(isDNS1123Subdomain), FieldPath.root('metadata'));
  const subsetsPath = FieldPath.root('subsets');
  arr(ep.subsets).map(obj).forEach((ss, i) => {
    const sp = subsetsPath.index(i);
    const ready = arr(ss.addresses).map(obj);
    const notReady = arr(ss.notReadyAddresses).map(obj);
    if (ready.length === 0 && notReady.length === 0) errs.push(required(sp, 'must specify `addresses` or `notReadyAddresses`'));
    ready.forEach((a, j) => errs.push(...validateAddress(a, sp.child('addresses').index(j))));
    notReady.forEach((a, j) => errs.push(...validateAddress(a, sp.child('notReadyAddresses').index(j))));
    const ports = arr(ss.ports).map(obj);
    ports.forEach((p, j) => {
      const pp = sp.child('ports').index(j);
      const name = str(p.name);
      if (ports.length > 1 && !name) errs.push(required(pp.child('name')));
      else if (name) for (const m of isDNS1123Label(name)) errs.push(invalid(pp.child('name'), name, m));
      if (!isValidPortNum(num(p.port))) errs.push(invalid(pp.child('port'), num(p.port), PORT_RANGE_ERROR));
      const proto = has(p, 'protocol') ? str(p.protocol) : 'TCP';
      if (!PROTOCOLS.includes(proto)) errs.push(notSupported(pp.child('protocol'), proto, PROTOCOLS));
    });
  });
  return errs;
}
