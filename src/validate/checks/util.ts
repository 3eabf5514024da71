// Reading decoded objects as Go would see them: absent and null are the zero value.

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
export const has = (o: Obj, k: string): boolean => o[k] !== undefined && o[k] !== null;
export const strMap = (v: unknown): Record<string, string> | undefined =>
  isObj(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, String(x)])) : undefined;

export interface CheckContext {
  serviceNameValidation: 'dns1035' | 'relaxed';
  nodePortRange: [number, number];
  /** An API-server warning (kubectl prints "Warning: <text>"). */
  warn(pointer: string, text: string): void;
}
