// Namespace and Node validation (pkg/apis/core/validation ValidateNamespace, ValidateNode): the name
// rules and the few spec fields a course manifest sets.

import { FieldPath, invalid, type FieldError } from './field';
import { prefixable, validateObjectMeta } from './meta';
import { isDNS1123Label, isDNS1123Subdomain } from './names';
import { arr, obj, str, type Obj } from './util';

export function validateNamespace(ns: Obj): FieldError[] {
  return validateObjectMeta(obj(ns.metadata), false, prefixable(isDNS1123Label), FieldPath.root('metadata'));
}

export function validateNode(node: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(node.metadata), false, prefixable(isDNS1123Subdomain), FieldPath.root('metadata'));
  const cidrs = arr(obj(node.spec).podCIDRs).map(str);
  cidrs.forEach((c, i) => {
    if (!/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(c))
      errs.push(invalid(FieldPath.root('spec').child('podCIDRs').index(i), c, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
  });
  return errs;
}
