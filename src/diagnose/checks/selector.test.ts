import { describe, expect, it } from 'vitest';
import { deployment, pod, problems, run, service, withCode } from '../scenario.testutil';

// The healthy baseline: Service web selects app=web, port http -> named container port http (8080).
const healthy = () => [service(), deployment()];

describe('healthy baseline', () => {
  it('a working Service and Deployment produce no diagnostics at all', () => {
    expect(run(healthy())).toEqual([]);
  });
  it('two apps whose labels differ by a typo-sized edit are not flagged when both work', () => {
    const ds = run([...healthy(), service({ name: 'web2', selector: { app: 'web2' } }), deployment({ name: 'web2', labels: { app: 'web2' } })]);
    expect(problems(ds)).toEqual([]);
  });
});

describe('empty-selector', () => {
  it('fires for selector: {} — it behaves as no selector, not as "all pods"', () => {
    const ds = run([service({ selector: {} }), deployment()]);
    expect(withCode(ds, 'empty-selector')).toEqual([
      {
        code: 'empty-selector',
        severity: 'error',
        message: expect.stringContaining('Service web has selector: {}. An empty selector does not select every pod'),
        object: { kind: 'Service', namespace: 'shop', name: 'web' },
        path: '/spec/selector',
        fix: 'Put the labels of the pods to reach in the selector, e.g. selector: {app: web} for Deployment web.',
        lesson: '/lessons/services/#no-selector-or-an-empty-one',
      },
    ]);
    expect(ds[0].code).toBe('empty-selector');
    // not reported a second time as a plain selectorless Service
    expect(withCode(ds, 'selectorless-service-without-endpoints')).toEqual([]);
  });
  it('is quiet when the selector has a label', () => {
    expect(withCode(run(healthy()), 'empty-selector')).toEqual([]);
  });
});

describe('pods-in-other-namespace', () => {
  it('fires when the only matching pods live in another namespace', () => {
    const ds = run([service({ ns: 'default' }), deployment({ ns: 'shop' })]);
    const [d] = withCode(ds, 'pods-in-other-namespace');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'Service', namespace: 'default', name: 'web' }, path: '/metadata/namespace' });
    expect(d.message).toContain('Service web in namespace default selects app=web; no pod in default has these labels, but 3 pods in namespace shop do');
    expect(d.fix).toContain('metadata.namespace: shop');
    expect(ds[0].code).toBe('pods-in-other-namespace');
  });
  it('points at the Deployment namespace when the Service belongs to the exercise', () => {
    const ds = run([service({ ns: 'default' }), deployment({ ns: 'shop' })], [{ kind: 'Deployment', namespace: 'shop', name: 'web' }]);
    expect(withCode(ds, 'pods-in-other-namespace')[0]).toMatchObject({ object: { kind: 'Deployment', namespace: 'shop', name: 'web' }, path: '/metadata/namespace' });
  });
  it('is quiet when Service and pods share the namespace', () => {
    expect(withCode(run(healthy()), 'pods-in-other-namespace')).toEqual([]);
  });
  it('is an info hint when some pods of its own namespace are selected too', () => {
    const ds = run([service({ ns: 'shop' }), deployment({ ns: 'shop', replicas: 1 }), pod({ name: 'web-stray', ns: 'default' })]);
    expect(withCode(ds, 'pods-in-other-namespace')).toEqual([
      {
        code: 'pods-in-other-namespace',
        severity: 'info',
        message:
          'Service web in namespace shop selects app=web: 1 pod in shop has these labels, and 1 pod in namespace default does too (web-stray). ' +
          'A Service only selects pods in its own namespace, so those are not its endpoints.',
        object: { kind: 'Pod', namespace: 'default', name: 'web-stray' },
        path: '/metadata/namespace',
        fix: 'If the pods in namespace default should serve web too, run them in namespace shop; otherwise nothing needs to change.',
        lesson: '/lessons/troubleshooting/#step-2-does-the-selector-match-the-pods',
      },
    ]);
    expect(problems(ds)).toEqual([]);
  });
  it('says nothing about pods another namespace serves with its own Service (two copies of an app)', () => {
    const ds = run([...healthy(), service({ ns: 'staging' }), deployment({ ns: 'staging' })]);
    expect(ds).toEqual([]);
  });
});

describe('deployment-template-labels-mismatch', () => {
  it('fires on a case difference, pointing at the template label', () => {
    const ds = run([service(), deployment({ labels: { app: 'Web' } })]);
    expect(withCode(ds, 'deployment-template-labels-mismatch')).toEqual([
      {
        code: 'deployment-template-labels-mismatch',
        severity: 'error',
        message:
          'Service web selects app=web, but Deployment web labels its pods app=Web (spec.template.metadata.labels): ' +
          'the value Web differs from web only in case, and label values are case-sensitive. None of its 3 pods is selected.',
        object: { kind: 'Deployment', namespace: 'shop', name: 'web' },
        path: '/spec/template/metadata/labels/app',
        fix: expect.stringContaining('Set the template label to app: web, or the Service selector to app: Web.'),
        lesson: '/lessons/troubleshooting/#step-2-does-the-selector-match-the-pods',
      },
    ]);
    expect(ds[0].code).toBe('deployment-template-labels-mismatch');
    // the pods are covered by the Deployment hint, not repeated as near misses
    expect(withCode(ds, 'selector-near-miss')).toEqual([]);
  });
  it('names the missing label of a multi-label selector', () => {
    const ds = run([service({ selector: { app: 'web', tier: 'frontend' } }), deployment()]);
    const [d] = withCode(ds, 'deployment-template-labels-mismatch');
    expect(d.message).toContain('Service web selects app=web,tier=frontend, but Deployment web labels its pods app=web');
    expect(d.message).toContain('the label tier=frontend is missing');
    expect(d.path).toBe('/spec/template/metadata/labels');
  });
  it('points at the Service selector when the Deployment belongs to the exercise', () => {
    const objects = [service(), deployment({ labels: { app: 'Web' } })];
    const ds = run(objects, [{ kind: 'Service', namespace: 'shop', name: 'web' }]);
    const [d] = withCode(ds, 'deployment-template-labels-mismatch');
    expect(d.object).toEqual({ kind: 'Service', namespace: 'shop', name: 'web' });
    expect(d.path).toBe('/spec/selector/app');
  });
  it('names only the most likely Deployment: related name, app label not the one that differs', () => {
    const objects = [
      service({ name: 'example-service', selector: { app: 'example', tier: 'frontend' } }),
      deployment({ name: 'example', labels: { app: 'example', tier: 'web' } }),
      deployment({ name: 'storefront', labels: { app: 'storefront', tier: 'frontend' } }),
    ];
    const ds = run(objects, [{ kind: 'Service', namespace: 'shop', name: 'example-service' }]);
    expect(withCode(ds, 'deployment-template-labels-mismatch')).toEqual([
      {
        code: 'deployment-template-labels-mismatch',
        severity: 'error',
        message:
          'Service example-service selects app=example,tier=frontend, but Deployment example labels its pods app=example,tier=web ' +
          '(spec.template.metadata.labels): the value web is not frontend. None of its 3 pods is selected.',
        object: { kind: 'Service', namespace: 'shop', name: 'example-service' },
        path: '/spec/selector/tier',
        // the Deployment is the exercise's: only the Service is the learner's to change
        fix: 'Change the Service selector to tier: web (Deployment example is part of the exercise).',
        lesson: '/lessons/troubleshooting/#step-2-does-the-selector-match-the-pods',
      },
    ]);
    // storefront's pods are another app (app differs), not a near miss to chase
    expect(ds.map((d) => d.code)).toEqual(['deployment-template-labels-mismatch', 'selector-matches-no-pods']);
  });
  it('is quiet when the template carries the selected labels', () => {
    expect(withCode(run(healthy()), 'deployment-template-labels-mismatch')).toEqual([]);
  });
});

describe('selector-near-miss', () => {
  const pods = (labels: Record<string, string>) => [1, 2, 3].map((i) => pod({ name: `web-${i}`, labels }));
  it('fires when every pod differs from the selector only in case', () => {
    const ds = run([service(), ...pods({ app: 'Web' })]);
    const [d] = withCode(ds, 'selector-near-miss');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'Service', name: 'web' }, path: '/spec/selector/app' });
    expect(d.message).toBe(
      'Service web selects app=web, but the 3 pods web-1, web-2 and web-3 in namespace shop are labelled app=Web: ' +
        'the value Web differs from web only in case, and label values are case-sensitive.',
    );
    expect(ds[0].code).toBe('selector-near-miss');
  });
  it('fires on a typo in the key and names it', () => {
    const [d] = withCode(run([service(), ...pods({ ap: 'web' })]), 'selector-near-miss');
    expect(d.message).toContain('are labelled ap=web: the key ap is not app');
  });
  it('fires for a single stray pod next to selected ones, pointing at its label', () => {
    const ds = run([service(), pod({ name: 'web-1' }), pod({ name: 'web-2' }), pod({ name: 'web-3', labels: { app: 'WEB' } })]);
    const [d] = withCode(ds, 'selector-near-miss');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Pod', name: 'web-3' }, path: '/metadata/labels/app' });
    expect(d.message).toContain('pod web-3 in namespace shop is labelled app=WEB');
    expect(d.fix).toBe('Label pod web-3 app: web, or change the selector to app: WEB.');
  });
  it('is quiet for pods of another app next to selected ones', () => {
    const ds = run([service(), pod({ name: 'web-1' }), pod({ name: 'db-1', labels: { app: 'db' } })]);
    expect(withCode(ds, 'selector-near-miss')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
  it('is quiet when the pods carry the selected label', () => {
    expect(withCode(run([service(), ...pods({ app: 'web' })]), 'selector-near-miss')).toEqual([]);
  });
});

describe('selector-matches-no-pods', () => {
  it('fires and lists what the pods in the namespace are labelled', () => {
    const ds = run([service(), deployment({ name: 'db', labels: { app: 'db' } })]);
    const [d] = withCode(ds, 'selector-matches-no-pods');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'Service', name: 'web' }, path: '/spec/selector' });
    expect(d.message).toContain('Service web selects app=web, but none of the 3 pods in namespace shop carries all of these labels');
    expect(d.message).toContain('(app=db)');
  });
  it('says so when the namespace has no pods at all', () => {
    const [d] = withCode(run([service()]), 'selector-matches-no-pods');
    expect(d.message).toContain('namespace shop has no pods');
  });
  it('points at replicas: 0 when the matching Deployment is scaled to zero', () => {
    const [d] = withCode(run([service(), deployment({ replicas: 0 })]), 'selector-matches-no-pods');
    expect(d).toMatchObject({ object: { kind: 'Deployment', name: 'web' }, path: '/spec/replicas' });
    expect(d.message).toContain('Deployment web, has replicas: 0');
  });
  it('is quiet when a pod matches', () => {
    expect(withCode(run(healthy()), 'selector-matches-no-pods')).toEqual([]);
  });
});
