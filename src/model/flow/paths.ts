import { globSegmentTest as segmentTest } from "../../util/glob-segment.js";
import { cutAtFirst, trimTrailing } from "../../util/text.js";
/**
 * Paths inside an image, as the file-flow analysis compares them: made absolute against a working
 * directory, normalised (`.`, `..`, repeated and trailing `/`), and related to each other with shell
 * globs (`*`, `?`, `[…]`) segment by segment.
 *
 * @packageDocumentation
 */

/**
 * Whether a path has a shell glob character (`*`, `?`, `[`).
 *
 * @example
 * ```ts
 * [hasGlobChars("/tmp/*"), hasGlobChars("/tmp/a")]; // [true, false]
 * ```
 */
export function hasGlobChars(path: string): boolean {
  return /[*?[]/.test(path);
}

/**
 * The absolute, normalised form of `path` seen from `cwd`; undefined when `path` is relative and
 * `cwd` is unknown, or when it is empty.
 *
 * @example
 * ```ts
 * absolutePath("../etc//app/", "/srv/www"); // "/srv/etc/app"
 * absolutePath("/tmp/./x", undefined);      // "/tmp/x"
 * ```
 */
export function absolutePath(path: string, cwd: string | undefined): string | undefined {
  if (path === "") return undefined;
  if (path[0] === "/") return isNormalAbsolute(path) ? path : normalise(path);
  if (cwd === undefined) return undefined;
  // A plain relative path from a normal directory (`src/app` from `/srv`) needs no normalising.
  if (!NOT_NORMAL_RELATIVE.test(path) && isNormalAbsolute(cwd)) return cwd === "/" ? `/${path}` : `${cwd}/${path}`;
  return normalise(`${cwd}/${path}`);
}

/** An empty, `.` or `..` segment in an absolute path (`//`, `/./`, `/..`, a trailing `/`). */
const NOT_NORMAL_ABSOLUTE = /\/\.{0,2}(?:\/|$)/;
/** An empty, `.` or `..` segment in a relative path. */
const NOT_NORMAL_RELATIVE = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** True when `path` is already absolute and normalised (the common case, worth not splitting). */
function isNormalAbsolute(path: string): boolean {
  return path[0] === "/" && (path.length === 1 || !NOT_NORMAL_ABSOLUTE.test(path));
}

/** `path` (absolute) without empty, `.` and `..` segments. */
function normalise(path: string): string {
  // Most odd paths are odd only at the end (`/app/`, `/app/.` for `COPY x .`): cutting that off is enough.
  let end = path.length;
  for (;;) {
    if (end > 1 && path.charCodeAt(end - 1) === SLASH) end--;
    else if (end > 2 && path.charCodeAt(end - 1) === DOT && path.charCodeAt(end - 2) === SLASH) end -= 2;
    else break;
  }
  const trimmed = end === path.length ? path : path.slice(0, end);
  if (isNormalAbsolute(trimmed)) return trimmed;
  const out: string[] = [];
  for (const segment of trimmed.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return `/${out.join("/")}`;
}

/**
 * The last segment of a path or URL, without a query or trailing slashes.
 *
 * @example
 * ```ts
 * [baseName("/a/b.tgz"), baseName("https://x/y.zip?z=1"), baseName("/opt/app/")]; // ["b.tgz", "y.zip", "app"]
 * ```
 */
export function baseName(path: string): string {
  const trimmed = trimTrailing(cutAtFirst(path, "?#"), "/");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** Two segments name the same entry: equal, or one is a glob the other matches. */
function segmentsMatch(a: string, b: string): boolean {
  return a === b || (hasGlobChars(a) && segmentTest(a)(b)) || (hasGlobChars(b) && segmentTest(b)(a));
}

/**
 * How path `a` relates to path `b` (both absolute, normalised, globs allowed): `same`, `ancestor`
 * (`a` contains `b`), `contents` (`a` is a glob over every entry of `b`, as in `b/*`), `inside`
 * (`a` is strictly inside `b`), or undefined when they are unrelated.
 *
 * @example
 * ```ts
 * pathRelation("/var/lib/apt/lists/*", "/var/lib/apt/lists"); // "contents"
 * pathRelation("/software", "/software");                     // "same"
 * pathRelation("/app/.git", "/app");                          // "inside"
 * pathRelation("/opt", "/opt/tool/bin");                      // "ancestor"
 * ```
 */
export function pathRelation(a: string, b: string): "same" | "ancestor" | "contents" | "inside" | undefined {
  if (a[0] === "/" && b[0] === "/") {
    if (partAtFirstCharacter(a, b)) return undefined;
    if (!hasGlobChars(a) && !hasGlobChars(b)) return literalRelation(a, b);
    if (a !== "/" && b !== "/" && differInLiteralSegment(a, b)) return undefined;
  }
  const as = a === "/" ? [] : a.slice(1).split("/");
  const bs = b === "/" ? [] : b.slice(1).split("/");
  const common = Math.min(as.length, bs.length);
  for (let i = 0; i < common; i++) if (!segmentsMatch(as[i], bs[i])) return undefined;
  if (as.length === bs.length) return "same";
  if (as.length < bs.length) return "ancestor";
  return as.length === bs.length + 1 && /^\*+$/.test(as[as.length - 1]) ? "contents" : "inside";
}

/**
 * Whether two absolute paths (other than `/`) have first segments that start with different
 * characters, neither of which can start a pattern (`*`, `?`, `[`, `\`): the segments name
 * different entries, so the paths are unrelated. Most paths compared are (`/var/lib/apt/lists/*`
 * and `/app`), and this says so without looking for glob characters.
 */
function partAtFirstCharacter(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const first = a.charCodeAt(1);
  const other = b.charCodeAt(1);
  return first !== other && !startsPattern(first) && !startsPattern(other);
}

/** Whether a segment starting with character `c` may be a pattern that matches names starting otherwise. */
function startsPattern(c: number): boolean {
  return c === STAR || c === QUESTION || c === BRACKET || c === BACKSLASH;
}

/**
 * Whether two absolute paths (other than `/`) first differ inside a segment that neither writes
 * with glob characters: those segments name different entries, so the paths are unrelated. Saves
 * splitting the paths for the common case of a glob removal (`/var/lib/apt/lists/*`) compared with
 * an unrelated path.
 */
function differInLiteralSegment(a: string, b: string): boolean {
  const common = Math.min(a.length, b.length);
  let k = 0;
  while (k < common && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  // One path is the other, or ends where the other has a `/`: whole segments match so far.
  if ((k === a.length && (k === b.length || b[k] === "/")) || (k === b.length && a[k] === "/")) return false;
  const start = a.lastIndexOf("/", k - 1) + 1;
  return !segmentHasGlob(a, start) && !segmentHasGlob(b, start);
}

/** Whether the segment of `path` that starts at `start` has a glob character. */
function segmentHasGlob(path: string, start: number): boolean {
  for (let i = start; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === SLASH) return false;
    if (c === STAR || c === QUESTION || c === BRACKET) return true;
  }
  return false;
}

const SLASH = 0x2f;
const DOT = 0x2e;
const STAR = 0x2a;
const QUESTION = 0x3f;
const BRACKET = 0x5b;
const BACKSLASH = 0x5c;

/** {@link pathRelation} of two paths without glob characters: a plain prefix comparison. */
function literalRelation(a: string, b: string): "same" | "ancestor" | "inside" | undefined {
  if (a === b) return "same";
  if (a === "/" || (b.startsWith(a) && b[a.length] === "/")) return "ancestor";
  if (b === "/" || (a.startsWith(b) && a[b.length] === "/")) return "inside";
  return undefined;
}

/** Directories every Linux image already has, shared by many packages and files. */
const SYSTEM_DIRECTORIES: ReadonlySet<string> = new Set([
  "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/media", "/mnt", "/opt", "/root", "/run",
  "/sbin", "/srv", "/tmp", "/usr", "/usr/bin", "/usr/include", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/local",
  "/usr/local/bin", "/usr/local/etc", "/usr/local/include", "/usr/local/lib", "/usr/local/sbin", "/usr/local/share",
  "/usr/local/src", "/usr/sbin", "/usr/share", "/usr/src", "/var", "/var/cache", "/var/lib", "/var/log", "/var/opt",
  "/var/tmp", "/var/www",
]);

/**
 * Whether `path` is a directory every Linux image already has (`/tmp`, `/usr/local/bin`, …): a
 * COPY there adds into it rather than creating it, and what a later RUN removes inside it may
 * come from anywhere.
 *
 * @example
 * ```ts
 * [isSystemDirectory("/usr/local/bin"), isSystemDirectory("/app")]; // [true, false]
 * ```
 */
export function isSystemDirectory(path: string): boolean {
  return SYSTEM_DIRECTORIES.has(path);
}
