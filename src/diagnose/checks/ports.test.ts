import { describe, expect, it } from 'vitest';
import { deployment, pod, problems, run, service, withCode } from '../scenario.testutil';

describe('named-port-not-found', () => {
  it('fires when no selected pod declares the named port, and says what they declare', () => {
    const ds = run([service({ ports: [{ name: 'http', port: 80, targetPort: 'web' }] }), deployment()]);
    const [d] = withCode(ds, 'named-port-not-found');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'Service', name: 'web' }, path: '/spec/ports/0/targetPort' });
    expect(d.message).toContain('Service web port http (80/TCP) targets the container port named "web"');
    expect(d.message).toContain('they declare http 8080/TCP');
    expect(d.message).toContain('with no port for "http"');
    expect(d.fix).toContain('Add name: web to the container port');
    expect(ds[0].code).toBe('named-port-not-found');
  });
  it('names the pods that lack it when only some do', () => {
    const ds = run([
      service(),
      pod({ name: 'web-1' }),
      pod({ name: 'web-2', ports: [{ name: 'metrics', containerPort: 9090 }] }),
    ]);
    const [d] = withCode(ds, 'named-port-not-found');
    // the odd pod out is what to change
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Pod', name: 'web-2' }, path: '/spec/containers/0/ports' });
    expect(d.message).toContain('1 of the 2 pods it selects (web-2) declares no TCP port with that name (it declares metrics 9090/TCP)');
    expect(d.fix).toBe('Declare a TCP container port named http in pod web-2 too (the other selected pods declare http 8080/TCP), or stop selecting it.');
  });
  it('explains a protocol mismatch', () => {
    const ds = run([service({ ports: [{ name: 'dns', port: 53, targetPort: 'dns' }] }), deployment({ ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] })]);
    const [d] = withCode(ds, 'named-port-not-found');
    expect(d.message).toContain('"dns" is declared with protocol UDP');
    expect(d.fix).toBe('Set protocol: UDP on the Service port, or declare the container port "dns" with protocol TCP.');
  });
  it('suggests the real name on a typo', () => {
    const [d] = withCode(run([service({ ports: [{ name: 'http', port: 80, targetPort: 'htp' }] }), deployment()]), 'named-port-not-found');
    expect(d.fix).toBe("Set targetPort: http (the container port's real name), or rename the container port to htp.");
  });
  it('is quiet when the pods declare the named port', () => {
    expect(withCode(run([service(), deployment()]), 'named-port-not-found')).toEqual([]);
  });
  it('finds the port on a sidecar (restartable init container)', () => {
    const d = deployment({ ports: [] }) as any;
    d.spec.template.spec.initContainers = [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', ports: [{ name: 'http', containerPort: 15001 }] }];
    expect(problems(run([service(), d]))).toEqual([]);
  });
});

describe('target-port-not-declared', () => {
  it('is an info (not a warning) for a numeric targetPort no container declares: traffic still reaches the port', () => {
    const ds = run([service({ ports: [{ name: 'http', port: 80, targetPort: 80 }] }), deployment()]);
    const [d] = withCode(ds, 'target-port-not-declared');
    expect(d).toMatchObject({ severity: 'info', object: { kind: 'Service', name: 'web' }, path: '/spec/ports/0/targetPort' });
    expect(d.message).toContain('sends traffic to container port 80, but no container in the 3 pods it selects declares 80/TCP; they declare http 8080/TCP');
    expect(d.message).toContain('Declaring container ports is informational');
    expect(d.fix).toBe('Set targetPort: 8080 (or targetPort: http).');
    expect(problems(ds)).toEqual([]);
  });
  it('explains an omitted targetPort defaults to port', () => {
    const ds = run([service({ ports: [{ name: 'http', port: 80 }] }), deployment()]);
    const [d] = withCode(ds, 'target-port-not-declared');
    expect(d.message).toContain('(targetPort is not set, so it defaults to port)');
    expect(d.path).toBe('/spec/ports/0');
  });
  it('is quiet when a container declares the port', () => {
    const ds = run([service({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), deployment()]);
    expect(withCode(ds, 'target-port-not-declared')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
  it('is quiet when the containers declare no ports at all (declaring them is optional)', () => {
    const ds = run([service({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), deployment({ ports: [] })]);
    expect(withCode(ds, 'target-port-not-declared')).toEqual([]);
  });
});

describe('target-port-declared-by-some', () => {
  // Two versions of the app: v1 pods listen on 8080, v2 pods on 9090, both name the port http.
  const versions = (v2Port: number) => [
    deployment({ name: 'web-v1', labels: { app: 'web', version: 'v1' }, replicas: 2, ports: [{ name: 'http', containerPort: 8080 }] }),
    deployment({ name: 'web-v2', labels: { app: 'web', version: 'v2' }, replicas: 2, ports: [{ name: 'http', containerPort: v2Port }] }),
  ];
  it('fires when a numeric targetPort is declared by some selected pods but not others', () => {
    const ds = run([service({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), ...versions(9090)]);
    const [d] = withCode(ds, 'target-port-declared-by-some');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Service', name: 'web' }, path: '/spec/ports/0/targetPort' });
    expect(d.message).toMatch(/^Service web port http \(80\/TCP\) sends traffic to container port 8080\/TCP, but 2 pods it selects \(web-v2-\S+ and web-v2-\S+\) declare http 9090\/TCP instead\./);
    expect(d.fix).toBe('If the app listens on different ports in different pods, give that port the same name everywhere and set targetPort: http.');
    expect(withCode(ds, 'target-port-not-declared')).toEqual([]);
  });
  it('is quiet when every version declares the target port', () => {
    const ds = run([service({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), ...versions(8080)]);
    expect(withCode(ds, 'target-port-declared-by-some')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
  it('is quiet with a named targetPort, which resolves per pod', () => {
    const ds = run([service({ ports: [{ name: 'http', port: 80, targetPort: 'http' }] }), ...versions(9090)]);
    expect(withCode(ds, 'target-port-declared-by-some')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
});
