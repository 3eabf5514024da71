// The generated editor schemas: one per supported kind plus the dispatching manifest schema. They must
// accept the valid fixtures (so monaco-yaml shows no false squiggles) and catch what they can see.
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { jsonSchemaFor, supportedKinds } from './index';
import { VALID_MANIFESTS } from './fixtures.testutil';

describe('generated JSON Schemas', () => {
  it('exist for every supported kind, with descriptions from the API docs', async () => {
    for (const { kind, apiVersion } of supportedKinds) {
      const s = (await jsonSchemaFor(kind)) as { $ref: string; definitions: Record<string, { description?: string }> };
      // definitions are named as in the OpenAPI documents: io.k8s.api.<group>.<version>.<Kind>
      // (apps/v1 → apps, discovery.k8s.io/v1 → discovery, v1 → core)
      const group = apiVersion.includes('/') ? apiVersion.split('/')[0].split('.')[0] : 'core';
      const name = `io.k8s.api.${group}.v1.${kind}`;
      expect(s.$ref).toBe(`#/definitions/${name}`);
      expect(s.definitions[name].description).toMatch(/\w/);
    }
    const svc = (await jsonSchemaFor('Service')) as { definitions: Record<string, { properties: Record<string, unknown> }> };
    expect(svc.definitions['io.k8s.api.core.v1.ServicePort'].properties.port).toMatchObject({ type: 'integer', format: 'int32', minimum: 1, maximum: 65535 });
  });

  it('the manifest schema accepts every valid fixture and rejects an unknown field and a bad port', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    // the formats the Kubernetes documents use, checked too (Go's int32, int64 and RFC 3339 times)
    ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    ajv.addFormat('int-or-string', true);
    const validate = ajv.compile(await jsonSchemaFor('manifest'));
    for (const doc of VALID_MANIFESTS.split(/^---$/m).map((d) => load(d))) {
      const ok = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(validate({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { selectr: {} } })).toBe(false);
    expect(validate({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { ports: [{ port: 70000 }] } })).toBe(false);
  });
});
