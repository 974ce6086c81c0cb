/**
 * Splits an image reference as written after FROM into registry, path, tag and digest, by the
 * shape rules of Docker's reference grammar, without validating it (the semantic model does).
 */

/** Offsets of a part within the reference string. */
export interface RefPart {
  readonly start: number;
  readonly end: number;
}

/** The parts of a reference; `path` is always present (possibly empty). */
export interface RefParts {
  readonly registry?: RefPart;
  readonly path: RefPart;
  readonly tag?: RefPart;
  readonly digest?: RefPart;
}

/**
 * Splits `ref` into its parts.
 *
 * @example
 * ```ts
 * splitImageRef("ghcr.io/a/b:1@sha256:00"); // registry 0–7, path 8–11, tag 12–13, digest 14–23
 * ```
 */
export function splitImageRef(ref: string): RefParts {
  const at = ref.indexOf("@");
  const nameEnd = at < 0 ? ref.length : at;
  const digest = at < 0 ? undefined : { start: at + 1, end: ref.length };
  const lastSlash = ref.lastIndexOf("/", nameEnd - 1);
  const colon = ref.lastIndexOf(":", nameEnd - 1);
  const hasTag = colon > lastSlash;
  const pathEnd = hasTag ? colon : nameEnd;
  const tag = hasTag ? { start: colon + 1, end: nameEnd } : undefined;
  const firstSlash = ref.indexOf("/");
  let pathStart = 0;
  let registry: RefPart | undefined;
  if (firstSlash >= 0 && firstSlash < pathEnd) {
    const first = ref.slice(0, firstSlash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase()) {
      registry = { start: 0, end: firstSlash };
      pathStart = firstSlash + 1;
    }
  }
  return { registry, path: { start: pathStart, end: pathEnd }, tag, digest };
}
