/**
 * Image references (`FROM <image>`) parsed with the grammar of `github.com/distribution/reference`,
 * the library BuildKit uses (`ParseNormalizedNamed`): domain, path, tag and digest, familiar-name
 * normalisation (`alpine` is `docker.io/library/alpine`), and the library's error messages.
 *
 * Every part keeps its offsets in the input, so diagnostics can point at the tag or the registry.
 * All validation is done by hand-written scanners or regular expressions without nested
 * quantifiers, so no input can make parsing slow.
 *
 * @packageDocumentation
 */

/**
 * A piece of the reference as written: its text and `[start, end)` offsets in the input.
 *
 * @example
 * ```ts
 * const tag: Part = { value: "3.20", start: 7, end: 11 }; // in "alpine:3.20"
 * ```
 */
export interface Part {
  /** The text of the piece, e.g. `3.20`. */
  value: string;
  /** Offset of its first character in the input (UTF-16 code units, 0-based). */
  start: number;
  /** Offset just after its last character (exclusive). */
  end: number;
}

/**
 * A parsed image reference.
 *
 * @example
 * ```ts
 * const r = parseImageReference("ghcr.io/x/y:1");
 * if (r.ok) [r.ref.registry?.value, r.ref.path.value, r.ref.familiarName]; // ["ghcr.io", "x/y", "ghcr.io/x/y"]
 * ```
 */
export interface ImageReference {
  /** The input. */
  raw: string;
  /** The registry as written (`registry.example.com:5000`), when the input names one. */
  registry?: Part;
  /** The repository path as written (`team/app`, `alpine`). */
  path: Part;
  /** The tag as written; undefined when none was written (the image then resolves `latest`). */
  tag?: Part;
  /** The digest as written (`sha256:…`). */
  digest?: Part;
  /** The normalised domain: `docker.io` for Docker Hub (also for `index.docker.io`). */
  domain: string;
  /** The normalised repository path: `library/alpine` for `alpine`. */
  repository: string;
  /** The short name Docker shows: `alpine`, `user/app`, `ghcr.io/x/y`. */
  familiarName: string;
  /** `scratch`, the empty base image (BuildKit compares the name exactly). */
  isScratch: boolean;
  /** The input contains `$`: parts were split structurally and not validated. */
  unresolved: boolean;
}

/**
 * The result of {@link parseImageReference}: the reference, or distribution's error message.
 *
 * @example
 * ```ts
 * const r: ImageReferenceResult = parseImageReference("a@sha256:123");
 * // { ok: false, error: "invalid reference format", unresolved: false }
 * ```
 */
export type ImageReferenceResult = { ok: true; ref: ImageReference } | { ok: false; error: string; unresolved: boolean };

const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const MAX_PATH_LENGTH = 255;

const ERR_INVALID_FORMAT = "invalid reference format";
const ERR_UPPERCASE = "repository name must be lowercase";
const ERR_NAME_TOO_LONG = `repository name must not be more than ${MAX_PATH_LENGTH} characters`;
const ERR_DIGEST_FORMAT = "invalid checksum digest format";
const ERR_DIGEST_LENGTH = "invalid checksum digest length";
const ERR_DIGEST_UNSUPPORTED = "unsupported digest algorithm";

const IDENTIFIER = /^[a-f0-9]{64}$/;
const HEX_32_OR_MORE = /^[0-9a-fA-F]{32,}$/;
/** Hex lengths of the algorithms BuildKit registers (crypto/sha256, crypto/sha512). */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
const LOWER_HEX = /^[a-f0-9]+$/;

const DOT = 0x2e;
const UNDERSCORE = 0x5f;
const DASH = 0x2d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLowerAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || isDigit(c);
const isAlnum = (c: number) => isLowerAlnum(c) || (c >= 0x41 && c <= 0x5a);
const isWordChar = (c: number) => isAlnum(c) || c === UNDERSCORE;

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return s.length > 0;
}

/** `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*` over `s[start, end)`. */
function isPathComponent(s: string, start: number, end: number): boolean {
  let i = start;
  for (;;) {
    const from = i;
    while (i < end && isLowerAlnum(s.charCodeAt(i))) i++;
    if (i === from) return false;
    if (i === end) return true;
    const c = s.charCodeAt(i);
    if (c === DOT) i++;
    else if (c === UNDERSCORE) i += i + 1 < end && s.charCodeAt(i + 1) === UNDERSCORE ? 2 : 1;
    else if (c === DASH) while (i < end && s.charCodeAt(i) === DASH) i++;
    else return false;
  }
}

/** `pathComponent(/pathComponent)*` over `s[start, end)`. */
function isRemoteName(s: string, start = 0, end = s.length): boolean {
  for (let from = start; ; ) {
    const slash = s.indexOf("/", from);
    const to = slash < 0 || slash > end ? end : slash;
    if (!isPathComponent(s, from, to)) return false;
    if (to === end) return true;
    from = to + 1;
  }
}

/** `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]` over `s[start, end)`. */
function isDomainComponent(s: string, start: number, end: number): boolean {
  if (end === start || s.charCodeAt(start) === DASH || s.charCodeAt(end - 1) === DASH) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== DASH && !isAlnum(c)) return false;
  }
  return true;
}

/** `domainComponent(\.domainComponent)*` over `s[start, end)`. */
function isDomainName(s: string, start: number, end: number): boolean {
  for (let from = start; ; ) {
    const dot = s.indexOf(".", from);
    const to = dot < 0 || dot > end ? end : dot;
    if (!isDomainComponent(s, from, to)) return false;
    if (to === end) return true;
    from = to + 1;
  }
}

/** `\w[\w.-]{0,127}` over `s[start, end)`. */
function isTag(s: string, start: number, end: number): boolean {
  if (end - start < 1 || end - start > 128 || !isWordChar(s.charCodeAt(start))) return false;
  for (let i = start + 1; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isWordChar(c) && c !== DOT && c !== DASH) return false;
  }
  return true;
}

/** `(?:domainName|\[[a-fA-F0-9:]+\])(?::[0-9]+)?` */
function isDomainAndPort(s: string): boolean {
  let port: string | undefined;
  if (s.startsWith("[")) {
    const close = s.indexOf("]");
    if (close < 0) return false;
    const host = s.slice(0, close + 1);
    if (close + 1 < s.length) {
      if (s[close + 1] !== ":") return false;
      port = s.slice(close + 2);
    }
    if (!/^\[[a-fA-F0-9:]+\]$/.test(host)) return false;
  } else {
    const colon = s.indexOf(":");
    if (!isDomainName(s, 0, colon < 0 ? s.length : colon)) return false;
    if (colon >= 0) port = s.slice(colon + 1);
  }
  return port === undefined || isDigits(port);
}

/** `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*` */
function isDigestAlgorithm(s: string): boolean {
  return s.split(/[-_+.]/).every((part) => /^[A-Za-z][A-Za-z0-9]*$/.test(part));
}

/** The grammar's `digestPat`: `algorithm:hex` with at least 32 hex digits. */
function matchesDigestPattern(s: string): boolean {
  const colon = s.indexOf(":");
  return colon > 0 && isDigestAlgorithm(s.slice(0, colon)) && HEX_32_OR_MORE.test(s.slice(colon + 1));
}

/** go-digest's `Digest.Validate`, for a string that matches {@link matchesDigestPattern}. */
function digestError(s: string): string | undefined {
  const colon = s.indexOf(":");
  const algorithm = s.slice(0, colon);
  const encoded = s.slice(colon + 1);
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) return ERR_DIGEST_UNSUPPORTED;
  if (encoded.length !== length) return ERR_DIGEST_LENGTH;
  return LOWER_HEX.test(encoded) ? undefined : ERR_DIGEST_FORMAT;
}

/** Where the pieces of a reference string are: `name[:tag][@digest]`, as indices. */
interface Layout {
  nameEnd: number;
  tagStart?: number;
  digestStart?: number;
}

/** Locate tag and digest separators; the tag colon is the last `:` after the last `/`. */
function layoutOf(s: string): Layout {
  const at = s.indexOf("@");
  const nameTagEnd = at < 0 ? s.length : at;
  const colon = s.lastIndexOf(":", nameTagEnd - 1);
  const hasTag = colon > s.lastIndexOf("/", nameTagEnd - 1);
  return {
    nameEnd: hasTag ? colon : nameTagEnd,
    tagStart: hasTag ? colon + 1 : undefined,
    digestStart: at < 0 ? undefined : at + 1,
  };
}

type StrictResult = { ok: true; domain: string; path: string } | { ok: false; error: string };

const INVALID_FORMAT: StrictResult = { ok: false, error: ERR_INVALID_FORMAT };

/** The grammar match of `reference.Parse`: name (with optional domain), tag and digest. */
function matchReference(s: string, layout: Layout): StrictResult {
  const tagEnd = layout.digestStart === undefined ? s.length : layout.digestStart - 1;
  if (layout.tagStart !== undefined && !isTag(s, layout.tagStart, tagEnd)) return INVALID_FORMAT;
  if (layout.digestStart !== undefined && !matchesDigestPattern(s.slice(layout.digestStart))) return INVALID_FORMAT;
  const nameEnd = layout.nameEnd;
  const slash = s.indexOf("/");
  // The domain is optional but preferred: `host/path` splits when both halves are valid.
  if (slash >= 0 && slash < nameEnd && isDomainAndPort(s.slice(0, slash)) && isRemoteName(s, slash + 1, nameEnd)) {
    return { ok: true, domain: s.slice(0, slash), path: s.slice(slash + 1, nameEnd) };
  }
  return isRemoteName(s, 0, nameEnd) ? { ok: true, domain: "", path: s.slice(0, nameEnd) } : INVALID_FORMAT;
}

/** `reference.Parse`: grammar, then path length, then the digest's algorithm and length. */
function parseStrict(s: string): StrictResult {
  const layout = layoutOf(s);
  const matched = matchReference(s, layout);
  if (!matched.ok) {
    const lower = s.toLowerCase();
    return lower !== s && matchReference(lower, layoutOf(lower)).ok ? { ok: false, error: ERR_UPPERCASE } : matched;
  }
  // A valid path is ASCII, so its length is its length in bytes.
  if (matched.path.length > MAX_PATH_LENGTH) return { ok: false, error: ERR_NAME_TOO_LONG };
  const error = layout.digestStart === undefined ? undefined : digestError(s.slice(layout.digestStart));
  return error === undefined ? matched : { ok: false, error };
}

/** `splitDockerDomain`'s test for "the first path element is a registry". */
function looksLikeDomain(first: string): boolean {
  return first === "localhost" || /[.:]/.test(first) || first.toLowerCase() !== first;
}

/** `familiarizeName`: drop `docker.io/` and, for one-level official images, `library/`. */
function familiarName(domain: string, repository: string): string {
  if (domain !== DEFAULT_DOMAIN) return domain === "" ? repository : `${domain}/${repository}`;
  const official = repository.startsWith(OFFICIAL_REPO_PREFIX) ? repository.slice(OFFICIAL_REPO_PREFIX.length) : undefined;
  return official !== undefined && !official.includes("/") ? official : repository;
}

function part(raw: string, start: number, end: number): Part {
  return { value: raw.slice(start, end), start, end };
}

/** Docker Hub's normalised path: single-element names live under `library/`. */
function hubRepository(domain: string, path: string): string {
  return domain === DEFAULT_DOMAIN && !path.includes("/") ? OFFICIAL_REPO_PREFIX + path : path;
}

/**
 * Assemble a reference from the input and its layout. `layoutText` has the input's length and
 * separators (it is the input, or the input with `${…}` blanked out); `registryEnd` is the
 * offset of the `/` after a written registry.
 */
function assemble(raw: string, layoutText: string, registryEnd: number | undefined, domain: string, repository: string, unresolved: boolean): ImageReference {
  const layout = layoutOf(layoutText);
  const tagEnd = layout.digestStart === undefined ? raw.length : layout.digestStart - 1;
  // Built in key order (raw, registry, path, tag, digest, …), leaving out the parts not written.
  const ref = { raw } as ImageReference;
  if (registryEnd !== undefined) ref.registry = part(raw, 0, registryEnd);
  ref.path = part(raw, registryEnd === undefined ? 0 : registryEnd + 1, layout.nameEnd);
  if (layout.tagStart !== undefined) ref.tag = part(raw, layout.tagStart, tagEnd);
  if (layout.digestStart !== undefined) ref.digest = part(raw, layout.digestStart, raw.length);
  ref.domain = domain;
  ref.repository = repository;
  ref.familiarName = familiarName(domain, repository);
  ref.isScratch = raw === "scratch";
  ref.unresolved = unresolved;
  return ref;
}

/** A reference without variables that does not parse. */
function rejected(error: string): ImageReferenceResult {
  return { ok: false, error, unresolved: false };
}

/** `ParseNormalizedNamed`, keeping the offsets of what was written. */
function parseResolved(raw: string): ImageReferenceResult {
  if (raw.length === 64 && IDENTIFIER.test(raw)) return rejected(`invalid repository name (${raw}), cannot specify 64-byte hexadecimal strings`);

  const slash = raw.indexOf("/");
  const explicitDomain = slash >= 0 && looksLikeDomain(raw.slice(0, slash));
  const written = explicitDomain ? raw.slice(0, slash) : DEFAULT_DOMAIN;
  const domain = written === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : written;
  const remainder = hubRepository(domain, explicitDomain ? raw.slice(slash + 1) : raw);
  const colon = remainder.indexOf(":");
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) return rejected(`invalid reference format: repository name (${remote}) must be lowercase`);

  const parsed = parseStrict(`${domain}/${remainder}`);
  if (!parsed.ok) return rejected(parsed.error);
  // A first element that looked like a domain but is not one stays part of the path.
  const registryEnd = explicitDomain && parsed.domain !== "" ? slash : undefined;
  return { ok: true, ref: assemble(raw, raw, registryEnd, parsed.domain, parsed.path, false) };
}

/** The input with the inside of every `${…}` replaced by `_`, so its `/ : @` are not separators. */
function blankVariables(raw: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "$" && raw[i + 1] === "{") depth++;
    const inside = depth > 0;
    if (raw[i] === "}" && depth > 0) depth--;
    out += inside ? "_" : raw[i];
  }
  return out;
}

/** A reference with `$` in it: split by structure only, since the values are not known yet. */
function parseUnresolved(raw: string): ImageReferenceResult {
  const blanked = blankVariables(raw);
  const layout = layoutOf(blanked);
  const slash = blanked.slice(0, layout.nameEnd).indexOf("/");
  const registryEnd = slash >= 0 && looksLikeDomain(raw.slice(0, slash)) ? slash : undefined;
  const path = raw.slice(registryEnd === undefined ? 0 : registryEnd + 1, layout.nameEnd);
  if (path === "") return { ok: false, error: ERR_INVALID_FORMAT, unresolved: true };
  const written = registryEnd === undefined ? DEFAULT_DOMAIN : raw.slice(0, registryEnd);
  const domain = written === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : written;
  return { ok: true, ref: assemble(raw, blanked, registryEnd, domain, hubRepository(domain, path), true) };
}

/**
 * Parse an image reference as BuildKit does for `FROM` (distribution's `ParseNormalizedNamed`).
 * Never throws. A value containing `$` (an unexpanded build argument) is split structurally and
 * marked `unresolved` instead of being rejected.
 *
 * @param raw - The reference text, for example `registry.example.com:5000/team/app:1.2@sha256:…`.
 * @returns The parts with their offsets, or distribution's error message.
 *
 * @example
 * ```ts
 * const r = parseImageReference("alpine:3.20");
 * if (r.ok) {
 *   r.ref.domain;       // "docker.io"
 *   r.ref.repository;   // "library/alpine"
 *   r.ref.tag;          // { value: "3.20", start: 7, end: 11 }
 * }
 * parseImageReference("Alpine");
 * // { ok: false, error: "invalid reference format: repository name (library/Alpine) must be lowercase", unresolved: false }
 * parseImageReference("node:${NODE_VERSION}").ok; // true, with ref.unresolved === true
 * ```
 */
export function parseImageReference(raw: string): ImageReferenceResult {
  return raw.includes("$") ? parseUnresolved(raw) : parseResolved(raw);
}
