// Label sets and label selectors, one implementation for the controllers, kubectl, diagnostics and
// validation. Upstream: k8s.io/apimachinery/pkg/labels and pkg/apis/meta/v1/helpers.go.
export { LabelSelectorError } from './errors';
export { convertSelectorToLabelsMap, formatLabels, hasLabel, labelsEqual, labelsString, type LabelsLike } from './labels';
export {
  everything,
  matchesNothing,
  newRequirement,
  newSelector,
  nothing,
  Requirement,
  selectorFromSet,
  selectorFromValidatedSet,
  validatedSelectorFromSet,
  validatedSetSelector,
  VALID_REQUIREMENT_OPERATORS,
  type Operator,
  type Selector,
} from './selector';
export { lex, parse, parseToRequirements, Token, type ScannedItem } from './parse';
export { formatLabelSelector, labelSelectorAsMap, labelSelectorAsSelector, labelSelectorAsSelectorOrUndefined } from './labelSelector';
export {
  DNS1123_SUBDOMAIN_FMT,
  emptyError,
  goLen,
  isDNS1123Subdomain,
  isLabelKey,
  isQualifiedName,
  isValidLabelValue,
  maxLenError,
  regexError,
} from './validation';
