// IDs a container runtime reports (container IDs, image digests): deterministic stand-ins derived from
// the pod and image, so the same manifests always print the same `kubectl describe pod`.

/** Deterministic 64-hex digest standing in for runtime IDs (same seed, same ID). */
export function pseudoDigest(seed: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${seed}#${round}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** docker.io/library/nginx for `nginx:1.27`, as container runtimes report image references. */
export function fullImageName(image: string): string {
  const noTag = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const first = noTag.split('/')[0];
  const hasRegistry = noTag.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return noTag;
  return noTag.includes('/') ? `docker.io/${noTag}` : `docker.io/library/${noTag}`;
}

/** The imageID a runtime reports for a pulled image: its repository with the content digest. */
export const imageID = (image: string): string => `${fullImageName(image)}@sha256:${pseudoDigest(image)}`;

/** The containerID of one container of one pod. */
export const containerID = (podKey: string, container: string): string => `containerd://${pseudoDigest(`${podKey}/${container}`)}`;
