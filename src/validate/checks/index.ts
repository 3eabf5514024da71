// Kind → API-server validation of a new object (ValidateXxxCreate), as field errors.

import type { FieldError } from './field';
import { validateDeployment, validateReplicaSet } from './apps';
import { validateNamespace, validateNode } from './cluster-scoped';
import { validateEndpoints } from './endpoints';
import { validateEndpointSlice } from './endpointslice';
import { validatePod } from './pod';
import { validateService } from './service';
import type { CheckContext, Obj } from './util';

export function validateObject(kind: string, o: Obj, ctx: CheckContext): FieldError[] {
  switch (kind) {
    case 'Namespace':
      return validateNamespace(o);
    case 'Node':
      return validateNode(o);
    case 'Pod':
      return validatePod(o);
    case 'Service':
      return validateService(o, ctx);
    case 'Endpoints':
      return validateEndpoints(o);
    case 'EndpointSlice':
      return validateEndpointSlice(o);
    case 'Deployment':
      return validateDeployment(o);
    case 'ReplicaSet':
      return validateReplicaSet(o);
    default:
      return [];
  }
}
