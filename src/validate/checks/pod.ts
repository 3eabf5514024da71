// Pod and pod-template validation: the parts of pkg/apis/core/validation ValidatePodSpec that a
// course manifest reaches (containers, ports, names, policies, probes), after the v1 defaults
// (restartPolicy Always, dnsPolicy ClusterFirst, port protocol TCP).

import { duplicate, FieldPath, invalid, notSupported, required, type FieldError } from './field';
import { prefixable, validateAnnotations, validateLabels, validateObjectMeta } from './meta';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, PORT_RANGE_ERROR } from './names';
import { validatePortNumOrName } from './service';
import { arr, has, isObj, num, obj, str, type Obj } from './util';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateContainerPorts(ports: Obj[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const ip = path.index(i);
    const name = str(p.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(ip.child('name'), name, m));
      else if (names.has(name)) errs.push(duplicate(ip.child('name'), name));
      else names.add(name);
    }
    const cp = num(p.containerPort);
    if (cp === 0) errs.push(required(ip.child('containerPort')));
    else if (!isValidPortNum(cp)) errs.push(invalid(ip.child('containerPort'), cp, PORT_RANGE_ERROR));
    const hp = num(p.hostPort);
    if (hp !== 0 && !isValidPortNum(hp)) errs.push(invalid(ip.child('hostPort'), hp, PORT_RANGE_ERROR));
    const proto = has(p, 'protocol') ? str(p.protocol) : 'TCP';
    if (!PROTOCOLS.includes(proto)) errs.push(notSupported(ip.child('protocol'), proto, PROTOCOLS));
  });
  return errs;
}

function validateProbe(probe: unknown, path: FieldPath, successMustBeOne = false): FieldError[] {
  if (!isObj(probe)) return [];
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((h) => has(probe, h));
  const errs: FieldError[] = [];
  if (handlers.length === 0) errs.push(required(path, 'must specify a handler type'));
  else if (handlers.length > 1) errs.push({ type: 'Forbidden', path: path.child(handlers[1]), detail: 'may not specify more than 1 handler type' });
  const http = probe.httpGet;
  if (isObj(http)) errs.push(...validatePortNumOrName(http.port ?? 0, path.child('httpGet', 'port')));
  const tcp = probe.tcpSocket;
  if (isObj(tcp)) errs.push(...validatePortNumOrName(tcp.port ?? 0, path.child('tcpSocket', 'port')));
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    if (has(probe, f) && num(probe[f]) < 0) errs.push(invalid(path.child(f), num(probe[f]), 'must be greater than or equal to 0'));
  }
  if (successMustBeOne && has(probe, 'successThreshold') && num(probe.successThreshold) !== 1)
    errs.push(invalid(path.child('successThreshold'), num(probe.successThreshold), 'must be 1'));
  return errs;
}

function validateContainers(list: Obj[], path: FieldPath, allNames: Set<string>, init: boolean): FieldError[] {
  const errs: FieldError[] = [];
  list.forEach((c, i) => {
    const cp = path.index(i);
    const name = str(c.name);
    if (!name) errs.push(required(cp.child('name')));
    else {
      for (const m of isDNS1123Label(name)) errs.push(invalid(cp.child('name'), name, m));
      if (allNames.has(name)) errs.push(duplicate(cp.child('name'), name));
      else allNames.add(name);
    }
    if (!str(c.image)) errs.push(required(cp.child('image')));
    if (has(c, 'imagePullPolicy')) {
      const v = str(c.imagePullPolicy);
      if (!['Always', 'IfNotPresent', 'Never'].includes(v)) errs.push(notSupported(cp.child('imagePullPolicy'), v, ['Always', 'IfNotPresent', 'Never']));
    }
    errs.push(...validateContainerPorts(arr(c.ports).map(obj), cp.child('ports')));
    if (!init || str(c.restartPolicy) === 'Always') {
      errs.push(...validateProbe(c.readinessProbe, cp.child('readinessProbe')));
      errs.push(...validateProbe(c.livenessProbe, cp.child('livenessProbe'), true));
      errs.push(...validateProbe(c.startupProbe, cp.child('startupProbe'), true));
    }
  });
  return errs;
}

export function validatePodSpec(spec: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  errs.push(...validateContainers(arr(spec.initContainers).map(obj), path.child('initContainers'), names, true));
  const containers = arr(spec.containers).map(obj);
  if (containers.length === 0) errs.push(required(path.child('containers')));
  errs.push(...validateContainers(containers, path.child('containers'), names, false));
  const restart = has(spec, 'restartPolicy') ? str(spec.restartPolicy) : 'Always';
  if (!['Always', 'Never', 'OnFailure'].includes(restart)) errs.push(notSupported(path.child('restartPolicy'), restart, ['Always', 'Never', 'OnFailure']));
  const dns = has(spec, 'dnsPolicy') ? str(spec.dnsPolicy) : 'ClusterFirst';
  const dnsAllowed = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
  if (!dnsAllowed.includes(dns)) errs.push(notSupported(path.child('dnsPolicy'), dns, dnsAllowed));
  if (has(spec, 'nodeName')) for (const m of isDNS1123Subdomain(str(spec.nodeName))) errs.push(invalid(path.child('nodeName'), str(spec.nodeName), m));
  if (str(spec.hostname)) for (const m of isDNS1123Label(str(spec.hostname))) errs.push(invalid(path.child('hostname'), str(spec.hostname), m));
  if (str(spec.subdomain)) for (const m of isDNS1123Label(str(spec.subdomain))) errs.push(invalid(path.child('subdomain'), str(spec.subdomain), m));
  if (has(spec, 'activeDeadlineSeconds')) {
    const v = num(spec.activeDeadlineSeconds);
    if (v < 1 || v > 2147483647) errs.push(invalid(path.child('activeDeadlineSeconds'), v, 'must be between 1 and 2147483647, inclusive'));
  }
  return errs;
}

export function validatePod(pod: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(pod.metadata), true, prefixable(isDNS1123Subdomain), FieldPath.root('metadata'));
  errs.push(...validatePodSpec(obj(pod.spec), FieldPath.root('spec')));
  return errs;
}

/** ValidatePodTemplateSpec: template labels and annotations, then the pod spec. */
export function validatePodTemplateSpec(tpl: Obj, path: FieldPath): FieldError[] {
  const meta = obj(tpl.metadata);
  const errs = [...validateLabels(meta.labels, path.child('metadata', 'labels')), ...validateAnnotations(meta.annotations, path.child('metadata', 'annotations'))];
  errs.push(...validatePodSpec(obj(tpl.spec), path.child('spec')));
  return errs;
}
