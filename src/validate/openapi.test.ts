// The schemas come from the vendored Kubernetes v1.35 OpenAPI documents, not from a hand-kept list:
// the expectations below are read from vendor/kubernetes-openapi/ (or are the Go decoder's ranges),
// then checked against the generated editor schema and the run-time validator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { jsonSchemaFor, validateManifests } from './index';
import { API_DEFINITIONS } from './api-docs';
import { decoderSchema, toDraft07 } from '../../scripts/gen-schemas';

type Schema = Record<string, any>;
const VENDOR = join(__dirname, '../../vendor/kubernetes-openapi/v1.35');
const documents: Record<string, Schema> = Object.fromEntries(
  ['api_v1.json', 'apis_apps_v1.json', 'apis_discovery.k8s.io_v1.json'].map((f) => [f, JSON.parse(readFileSync(join(VENDOR, f), 'utf8'))]),
);
const vendored = (name: string): Schema => {
  for (const d of Object.values(documents)) if (d.components.schemas[name]) return d.components.schemas[name];
  throw new Error(`${name} not vendored`);
};

const messages = (yaml: string) => validateManifests(yaml).errors.map((e) => e.message);
const service = (port: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - ${port}\n`;
const DECODE = 'Service in version "v1" cannot be handled as a Service: ';

describe('schemas generated from the Kubernetes v1.35 OpenAPI documents', () => {
  it('carry every vendored schema with its description, types, formats, enums and required fields', () => {
    let properties = 0;
    for (const doc of Object.values(documents)) {
      for (const [name, source] of Object.entries<Schema>(doc.components.schemas)) {
        const def = API_DEFINITIONS[name];
        expect(def, name).toBeDefined();
        expect(def.description).toBe(source.description);
        expect(def.required).toEqual(source.required);
        for (const [p, s] of Object.entries<Schema>(source.properties ?? {})) {
          const got = def.properties![p] as Schema;
          expect({ name, p, description: got.description, type: got.type, format: got.format, enum: got.enum }).toEqual({
            name, p, description: s.description, type: s.type, format: s.format, enum: s.enum,
          });
          properties++;
        }
      }
    }
    expect(properties).toBeGreaterThan(1000);
  });

  it('int32 comes from the document: ServicePort.port rejects 2^31 and accepts 2^31-1 as an integer', () => {
    expect(vendored('io.k8s.api.core.v1.ServicePort').properties.port).toMatchObject({ type: 'integer', format: 'int32' });
    expect(messages(service('port: 2147483648'))).toEqual([
      DECODE + 'json: cannot unmarshal number 2147483648 into Go struct field ServicePort.spec.ports.port of type int32',
    ]);
    // 2^31-1 decodes; the API server's port-range check answers instead
    expect(messages(service('port: 2147483647\n    targetPort: 80'))).toEqual([
      'The Service "web" is invalid: spec.ports[0].port: Invalid value: 2147483647: must be between 1 and 65535, inclusive',
    ]);
  });

  it('int64 comes from the document too, including fields the old hand list had as int32', () => {
    // Toleration.tolerationSeconds is *int64 in core/v1 (the hand list missed it)
    expect(vendored('io.k8s.api.core.v1.Toleration').properties.tolerationSeconds.format).toBe('int64');
    const pod = (extra: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n${extra}`;
    const big = pod('  tolerations:\n  - key: k\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 3000000000\n');
    expect(validateManifests(big).errors.filter((e) => e.message.includes('cannot unmarshal'))).toEqual([]);
    expect(vendored('io.k8s.api.core.v1.PodSpec').properties.terminationGracePeriodSeconds.format).toBe('int64');
    expect(messages(pod('  terminationGracePeriodSeconds: 1.5\n'))).toEqual([
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    ]);
  });

  it('int-or-string (format int-or-string) accepts a number or a name, and nothing else', () => {
    expect(vendored('io.k8s.apimachinery.pkg.util.intstr.IntOrString').format).toBe('int-or-string');
    expect(messages(service('port: 80\n    targetPort: 8080'))).toEqual([]);
    expect(messages(service('port: 80\n    targetPort: http'))).toEqual([]);
    expect(messages(service('port: 80\n    targetPort: 80.5'))).toEqual([
      DECODE + 'json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort of type int32',
    ]);
  });

  it('required fields come from the document: EndpointSlice addressType and endpoints', async () => {
    const source = vendored('io.k8s.api.discovery.v1.EndpointSlice');
    expect(source.required).toEqual(['addressType', 'endpoints']);
    const schema = (await jsonSchemaFor('EndpointSlice')) as { definitions: Record<string, Schema> };
    expect(schema.definitions['io.k8s.api.discovery.v1.EndpointSlice'].required).toEqual(['addressType', 'endpoints']);
    const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(await jsonSchemaFor('manifest'));
    expect(validate({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 's' } })).toBe(false);
    const missing = (validate.errors ?? []).filter((e) => e.keyword === 'required').map((e) => e.params.missingProperty);
    expect(missing.sort()).toEqual(['addressType', 'endpoints']);
  });

  it('enums come from the document: the v1.35 documents enumerate neither addressType nor Service type', () => {
    // Both are plain strings upstream (their values are listed only in the description), so the
    // schemas must not invent an enum; an enum the document has is carried as is.
    expect(vendored('io.k8s.api.discovery.v1.EndpointSlice').properties.addressType.enum).toBeUndefined();
    expect(vendored('io.k8s.api.core.v1.ServiceSpec').properties.type.enum).toBeUndefined();
    expect((API_DEFINITIONS['io.k8s.api.discovery.v1.EndpointSlice'].properties!.addressType as Schema).enum).toBeUndefined();
    expect(toDraft07({ type: 'string', enum: ['FQDN', 'IPv4', 'IPv6'], description: 'd' })).toEqual({ type: 'string', enum: ['FQDN', 'IPv4', 'IPv6'], description: 'd' });
  });

  it('the translation: $ref to #/definitions, allOf wrappers to $ref, structs closed, int formats as Go ranges', () => {
    const port = vendored('io.k8s.api.core.v1.ServicePort');
    const editor = toDraft07(port);
    // OpenAPI's allOf wrapper becomes $ref beside the field's own description (what editors show on hover)
    expect(port.properties.targetPort.allOf).toEqual([{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }]);
    expect(editor.properties.targetPort).toEqual({
      $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString',
      description: port.properties.targetPort.description,
    });
    expect(editor.additionalProperties).toBe(false);
    expect(editor.properties.port).toMatchObject({ format: 'int32', minimum: -2147483648, maximum: 2147483647 });
    const decoder = decoderSchema(editor);
    expect(decoder.properties.port).toEqual({ type: 'integer', minimum: -2147483648, maximum: 2147483647 });
    expect(decoder.required).toBeUndefined();
    expect(decoderSchema(toDraft07(vendored('io.k8s.apimachinery.pkg.util.intstr.IntOrString')))).toEqual({
      type: ['integer', 'string'], minimum: -2147483648, maximum: 2147483647,
    });
  });
});
