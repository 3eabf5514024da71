// Guarded localStorage: a full, disabled or missing storage never throws into a page.
// Every read validates its shape; a stale or corrupt value reads as absent.

export type StorageStatus = 'ok' | 'unavailable' | 'full';

function store(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // access itself throws when storage is disabled
  }
}

export function readJSON<T>(key: string, isValid: (value: unknown) => value is T): T | undefined {
  try {
    const raw = store()?.getItem(key);
    if (raw == null) return undefined;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeJSON(key: string, value: unknown): StorageStatus {
  const s = store();
  if (!s) return 'unavailable';
  try {
    s.setItem(key, JSON.stringify(value));
    return 'ok';
  } catch {
    return 'full';
  }
}

export function removeKey(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    // storage turned off: nothing stored to remove
  }
}
