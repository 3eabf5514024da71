/** A label selector that cannot be built or parsed; the message is upstream's error text. */
export class LabelSelectorError extends Error {
  override name = 'LabelSelectorError';
}
