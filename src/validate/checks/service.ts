// Service validation as pkg/apis/core/validation/validation.go ValidateService / validateServicePort
// apply it to a new Service, after the v1 defaults (protocol TCP, targetPort = port, type ClusterIP,
// sessionAffinity None). Name rule: DNS-1035 label, because RelaxedServiceNameValidation (KEP-5311)
// is alpha and off by default in 1.35 (its beta was rolled back to 1.36); 'relaxed' is an option.

import { duplicate, FieldPath, forbidden, goJSONValue, invalid, notSupported, required, type FieldError } from './field';
import { validateLabels, validateObjectMeta, prefixable } from './meta';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum, PORT_RANGE_ERROR } from './names';
import { validateEndpointIP, validateIPLegacy } from './ip';
import { arr, has, isObj, num, obj, str, type CheckContext, type Obj } from './util';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** ValidatePortNumOrName for an IntOrString. */
export function validatePortNumOrName(v: unknown, path: FieldPath): FieldError[] {
  if (typeof v === 'number') return isValidPortNum(v) ? [] : [invalid(path, v, PORT_RANGE_ERROR)];
  return isValidPortName(String(v)).map((m) => invalid(path, String(v), m));
}

export function validateService(svc: Obj, ctx: CheckContext): FieldError[] {
  const meta = obj(svc.metadata);
  const nameFn = ctx.serviceNameValidation === 'relaxed' ? isDNS1123Label : isDNS1035Label;
  const errs = validateObjectMeta(meta, true, prefixable(nameFn), FieldPath.root('metadata'));
  const spec = obj(svc.spec);
  const specPath = FieldPath.root('spec');
  const type = has(spec, 'type') ? str(spec.type) : 'ClusterIP';
  const clusterIP = str(spec.clusterIP);
  const headless = clusterIP === 'None';
  const ports = arr(spec.ports).map(obj);

  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required(specPath.child('ports')));

  const clusterIPs = Array.isArray(spec.clusterIPs) ? arr(spec.clusterIPs).map(str) : clusterIP ? [clusterIP] : [];
  if ((type === 'NodePort' || type === 'LoadBalancer') && headless)
    errs.push(invalid(specPath.child('clusterIPs').index(0), 'None', `may not be set to 'None' for ${type} services`));
  if (type === 'ExternalName') {
    if (clusterIPs.length) errs.push(forbidden(specPath.child('clusterIPs'), 'may not be set for ExternalName services'));
    if (arr(spec.ipFamilies).length) errs.push(forbidden(specPath.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (has(spec, 'ipFamilyPolicy')) errs.push(forbidden(specPath.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid(specPath.child('externalName'), cname, m));
    else errs.push(required(specPath.child('externalName')));
  }

  const names = new Set<string>();
  const portsPath = specPath.child('ports');
  ports.forEach((p, i) => {
    const pp = portsPath.index(i);
    const name = str(p.name);
    if (ports.length > 1 && !name) errs.push(required(pp.child('name')));
    else if (name) {
      for (const m of isDNS1123Label(name)) errs.push(invalid(pp.child('name'), name, m));
      if (names.has(name)) errs.push(duplicate(pp.child('name'), name));
      else names.add(name);
    }
    const port = num(p.port);
    if (!isValidPortNum(port)) errs.push(invalid(pp.child('port'), port, PORT_RANGE_ERROR));
    const protocol = has(p, 'protocol') ? str(p.protocol) : 'TCP';
    if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(pp.child('protocol'), protocol, PROTOCOLS));
    // defaulting: a missing, 0 or "" targetPort becomes port
    const tp = p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '' ? port : p.targetPort;
    errs.push(...validatePortNumOrName(tp, pp.child('targetPort')));
    if (has(p, 'appProtocol')) for (const m of isQualifiedName(str(p.appProtocol))) errs.push(invalid(pp.child('appProtocol'), str(p.appProtocol), m));
  });

  if (isObj(spec.selector)) errs.push(...validateLabels(spec.selector, specPath.child('selector')));

  const affinity = has(spec, 'sessionAffinity') ? str(spec.sessionAffinity) : 'None';
  if (!['ClientIP', 'None'].includes(affinity)) errs.push(notSupported(specPath.child('sessionAffinity'), affinity, ['ClientIP', 'None']));
  if (affinity === 'ClientIP') {
    // defaulting fills clientIP.timeoutSeconds = 10800 when absent
    const t = obj(obj(obj(spec.sessionAffinityConfig).clientIP)).timeoutSeconds;
    if (t !== undefined && t !== null && (num(t) <= 0 || num(t) > 86400))
      errs.push(invalid(specPath.child('sessionAffinityConfig', 'clientIP', 'timeoutSeconds'), num(t), 'must be greater than 0 and less than 86400'));
  } else if (affinity === 'None' && has(spec, 'sessionAffinityConfig'))
    errs.push(forbidden(specPath.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));

  // clusterIPs (the server copies clusterIP into clusterIPs[0]); legacy IP parsing in 1.35
  if (type !== 'ExternalName') {
    if (clusterIP && Array.isArray(spec.clusterIPs) && clusterIPs[0] !== clusterIP)
      errs.push(invalid(specPath.child('clusterIPs'), goJSONValue(clusterIPs), 'first value must match `clusterIP`'));
    clusterIPs.forEach((ip, i) => {
      const p = specPath.child('clusterIPs').index(i);
      if (ip === 'None') {
        if (i > 0 || clusterIPs.length > 1) errs.push(invalid(specPath.child('clusterIPs'), goJSONValue(clusterIPs), "'None' must be the first and only value"));
        return;
      }
      const e = validateIPLegacy(ip, p);
      errs.push(...e);
    });
    if (clusterIPs.length > 2) errs.push(invalid(specPath.child('clusterIPs'), goJSONValue(clusterIPs), 'may only hold up to 2 values'));
  }

  if (!SERVICE_TYPES.includes(type)) errs.push(notSupported(specPath.child('type'), type, SERVICE_TYPES));

  if (type === 'ClusterIP' || type === 'ExternalName') {
    ports.forEach((p, i) => {
      if (num(p.nodePort) !== 0)
        errs.push(forbidden(portsPath.index(i).child('nodePort'), `may not be used when \`type\` is '${type}'`));
    });
  } else if (type === 'NodePort' || type === 'LoadBalancer') {
    const [lo, hi] = ctx.nodePortRange;
    const seen = new Set<string>();
    ports.forEach((p, i) => {
      const np = num(p.nodePort);
      if (np === 0) return;
      const key = `${has(p, 'protocol') ? str(p.protocol) : 'TCP'}/${np}`;
      if (seen.has(key)) errs.push(duplicate(portsPath.index(i).child('nodePort'), np));
      seen.add(key);
      if (np < lo || np > hi)
        errs.push(invalid(portsPath.index(i).child('nodePort'), np, `provided port is not in the valid range. The range of valid ports is ${lo}-${hi}`));
    });
  }

  // duplicate (protocol, port) pairs: the key is an internal core.ServicePort (no json tags, so Go field
  // names) holding only Protocol and Port; ErrorBody renders it with json.Marshal
  const seenPorts = new Set<string>();
  ports.forEach((p, i) => {
    const protocol = has(p, 'protocol') ? str(p.protocol) : 'TCP';
    const key = `${protocol}/${num(p.port)}`;
    if (seenPorts.has(key))
      errs.push(duplicate(portsPath.index(i), goJSONValue({ Name: '', Protocol: protocol, AppProtocol: null, Port: num(p.port), TargetPort: 0, NodePort: 0 })));
    seenPorts.add(key);
  });

  // validateServiceExternalTrafficPolicy (defaulting sets Cluster for externally-accessible Services)
  const externallyAccessible = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && arr(spec.externalIPs).length > 0);
  if (has(spec, 'externalTrafficPolicy')) {
    const v = str(spec.externalTrafficPolicy);
    if (!externallyAccessible) errs.push(invalid(specPath.child('externalTrafficPolicy'), v, 'may only be set for externally-accessible services'));
    else if (!['Cluster', 'Local'].includes(v)) errs.push(notSupported(specPath.child('externalTrafficPolicy'), v, ['Cluster', 'Local']));
  }
  if (has(spec, 'healthCheckNodePort') && num(spec.healthCheckNodePort) !== 0 && !(type === 'LoadBalancer' && str(spec.externalTrafficPolicy) === 'Local'))
    errs.push(
      invalid(specPath.child('healthCheckNodePort'), num(spec.healthCheckNodePort), "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"),
    );
  if (has(spec, 'internalTrafficPolicy')) {
    const v = str(spec.internalTrafficPolicy);
    if (!['Cluster', 'Local'].includes(v)) errs.push(notSupported(specPath.child('internalTrafficPolicy'), v, ['Cluster', 'Local']));
  }
  if (has(spec, 'ipFamilyPolicy')) {
    const v = str(spec.ipFamilyPolicy);
    const allowed = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
    if (!allowed.includes(v)) errs.push(notSupported(specPath.child('ipFamilyPolicy'), v, allowed));
  }
  const families = arr(spec.ipFamilies).map(str);
  families.forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(specPath.child('ipFamilies').index(i), f, ['IPv4', 'IPv6']));
    else if (families.indexOf(f) !== i) errs.push(duplicate(specPath.child('ipFamilies').index(i), f));
  });
  if (has(spec, 'trafficDistribution')) {
    const v = str(spec.trafficDistribution);
    const allowed = ['PreferClose', 'PreferSameNode', 'PreferSameZone'];
    if (!allowed.includes(v)) errs.push(notSupported(specPath.child('trafficDistribution'), v, allowed));
  }
  arr(spec.externalIPs).forEach((ip, i) => {
    const p = specPath.child('externalIPs').index(i);
    const e = validateIPLegacy(str(ip), p);
    errs.push(...(e.length ? e : validateEndpointIP(str(ip), p)));
  });
  return errs;
}
