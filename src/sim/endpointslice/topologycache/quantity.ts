// CPU quantities as resource.Quantity.MilliValue() reads them ("4", "3500m", "0.5", "1k", "2Ki").
// Upstream: k8s.io/apimachinery/pkg/api/resource/quantity.go (only what allocatable CPU needs).

const DECIMAL: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** Milli-units of a quantity, rounded up like MilliValue(); 0 for an absent or unparseable value. */
export function quantityMilliValue(text: string | undefined): number {
  if (text === undefined) return 0;
  const m = QUANTITY.exec(text.trim());
  if (!m) return 0;
  const value = Number(m[1]);
  const suffix = m[2] ?? '';
  let multiplier: number;
  if (suffix in BINARY) multiplier = BINARY[suffix];
  else if (suffix in DECIMAL) multiplier = DECIMAL[suffix];
  else multiplier = 10 ** Number(suffix.slice(1));
  // Round away float noise before the ceiling (0.1 * 1000 must stay 100).
  const milli = Math.round(value * multiplier * 1000 * 1e6) / 1e6;
  return Math.ceil(milli);
}
