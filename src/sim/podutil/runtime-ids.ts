// IDs a container runtime reports (container IDs, image digests): deterministic stand-ins derived from
// the pod and image, so the same manifests always print the same `kubectl describe pod`.

/**
 * Deterministic 64-hex digest standing in for runtime IDs (same seed, same ID): eight rounds of 32-bit
 * FNV-1a, the state carried from round to round, each over `${seed}#${round}`. One code unit per code
 * point is hashed (a character outside the BMP by its high surrogate), as the first version did with
 * `for…of`; this loop gives the same digests without building a string per round (10,000 pods, 20,000 digests).
 */
export function pseudoDigest(seed: string): string {
  let out = '';
  let h = 0x811c9dc5;
  const n = seed.length;
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < n; i++) {
      const c = seed.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const low = seed.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) i++;
      }
    }
    h = Math.imul(h ^ 0x23, 0x01000193); // '#'
    h = Math.imul(h ^ (0x30 + round), 0x01000193); // the round's digit
    out += HEX_BYTE[(h >>> 24) & 0xff] + HEX_BYTE[(h >>> 16) & 0xff] + HEX_BYTE[(h >>> 8) & 0xff] + HEX_BYTE[h & 0xff];
  }
  return out;
}

/** "00" … "ff": eight hex digits from four table reads instead of toString(16) + padStart. */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** docker.io/library/nginx for `nginx:1.27`, as container runtimes report image references. */
export function fullImageName(image: string): string {
  const noTag = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const first = noTag.split('/')[0];
  const hasRegistry = noTag.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return noTag;
  return noTag.includes('/') ? `docker.io/${noTag}` : `docker.io/library/${noTag}`;
}

/** The imageID a runtime reports for a pulled image: its repository with the content digest. */
export function imageID(image: string): string {
  let id = imageIDs.get(image);
  if (id === undefined) {
    id = `${fullImageName(image)}@sha256:${pseudoDigest(image)}`;
    // A pure function of the image: remembered, since every pod of a Deployment runs the same images.
    if (imageIDs.size >= 1024) imageIDs.clear();
    imageIDs.set(image, id);
  }
  return id;
}
const imageIDs = new Map<string, string>();

/** The containerID of one container of one pod. */
export const containerID = (podKey: string, container: string): string => `containerd://${pseudoDigest(`${podKey}/${container}`)}`;
