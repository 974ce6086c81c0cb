/**
 * Helpers the package-manager families share: splitting `name<op>version` words, recognising
 * files and paths, and reading options of an operation draft.
 */
import type { OperationDraft, PackageParts, PackageSpec } from "./types.js";

const SLASH = 0x2f;
const DOT = 0x2e;
const TILDE = 0x7e;

/**
 * Whether a package word names a file, a local path or a URL rather than a registry package.
 *
 * @example
 * ```ts
 * isPathOrUrl("./pkg.deb"); // true
 * isPathOrUrl("git+https://github.com/a/b"); // true
 * isPathOrUrl("curl"); // false
 * ```
 */
export function isPathOrUrl(text: string): boolean {
  switch (text.charCodeAt(0)) {
    case SLASH:
      return true;
    case DOT: // ".", "..", "./…", "../…"
      return text.length === 1 || text.charCodeAt(1) === SLASH || (text.charCodeAt(1) === DOT && (text.length === 2 || text.charCodeAt(2) === SLASH));
    case TILDE:
      if (text.charCodeAt(1) === SLASH) return true;
  }
  return text.includes("://") && /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/**
 * The operators that join a family's package names and versions, tried in the order given (so
 * longer operators first), with one test that turns away the words holding none of them.
 *
 * @example
 * ```ts
 * const PIP_OPERATORS = versionOperators("==", ">=", "=");
 * ```
 */
export interface VersionOperators {
  readonly list: readonly string[];
  /** Matches a word that holds any of the operators. */
  readonly any: RegExp;
}

/** The {@link VersionOperators} of `list`. */
export function versionOperators(...list: string[]): VersionOperators {
  return { list, any: new RegExp(list.map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")) };
}

/**
 * Splits `name<op>version` at the first of `operators` (tried in the order given, so list longer
 * operators first). A word without an operator is a bare name.
 *
 * @example
 * ```ts
 * splitVersion("requests>=2.0", versionOperators("==", ">=", "=")); // { name: "requests", operator: ">=", version: "2.0", isFile: false }
 * ```
 */
export function splitVersion(text: string, operators: VersionOperators): PackageParts {
  // Most words are a bare name: one test instead of a search per operator.
  if (!operators.any.test(text)) return { name: text, isFile: false };
  let at = -1;
  let found: string | undefined;
  for (const operator of operators.list) {
    const index = text.indexOf(operator);
    if (index > 0 && (found === undefined || index < at)) {
      at = index;
      found = operator;
    }
  }
  if (found === undefined) return { name: text, isFile: false };
  return { name: text.slice(0, at), operator: found, version: text.slice(at + found.length), isFile: false };
}

/** A package word that is a file when it ends with one of `suffixes` (each starts with a `.`) or is a path or URL. */
export function fileParts(text: string, suffixes: readonly string[]): PackageParts | undefined {
  if (isPathOrUrl(text)) return { name: text, isFile: true };
  // Most words have no dot, so no suffix: nothing to lower-case.
  if (!text.includes(".")) return undefined;
  const lower = text.toLowerCase();
  for (const suffix of suffixes) if (lower.endsWith(suffix)) return { name: text, isFile: true };
  return undefined;
}

/**
 * Whether a version string really pins something: present, non-empty and not a floating tag.
 *
 * @example
 * ```ts
 * isPinningVersion("1.2*"); // true
 * isPinningVersion("latest"); // false
 * ```
 */
export function isPinningVersion(version: string | undefined): boolean {
  return version !== undefined && version !== "" && !/^(latest|\*|x)$/i.test(version);
}

/** Whether the draft has the canonical option `name`. */
export function hasOption(draft: Pick<OperationDraft, "options">, name: string): boolean {
  for (const o of draft.options) if (o.name === name) return true;
  return false;
}

/** The value of the last occurrence of a canonical option. */
export function optionValue(draft: Pick<OperationDraft, "options">, name: string): string | undefined {
  let value: string | undefined;
  for (const o of draft.options) if (o.name === name && o.value !== undefined) value = o.value;
  return value;
}

/** All values of a canonical option, in order. */
export function optionValues(draft: Pick<OperationDraft, "options">, name: string): string[] {
  const values: string[] = [];
  for (const o of draft.options) if (o.name === name && o.value !== undefined) values.push(o.value);
  return values;
}

/**
 * Settings with every flag off, for families to override.
 *
 * @example
 * ```ts
 * settings: () => ({ ...NO_SETTINGS, assumeYes: true }),
 * ```
 */
export const NO_SETTINGS = {
  assumeYes: false,
  noInstallRecommends: false,
  noCache: false,
  noDocs: false,
} as const;

/**
 * The package with a version given by an option (`gem install x -v 1.2`), unless the word
 * already has one.
 *
 * @example
 * ```ts
 * withOptionVersion(pkg, "1.2").pinned; // true
 * ```
 */
export function withOptionVersion(pkg: PackageSpec, version: string | undefined): PackageSpec {
  if (version === undefined || pkg.version !== undefined || pkg.isVariable) return pkg;
  return extended(pkg, { version, pinned: isPinningVersion(version) });
}

/**
 * A copy of `base` with `fields` set, keys in the order `{ ...base, ...fields }` gives them.
 * Written with `Object.assign` because V8 (Node 20) gives every object made by a spread followed
 * by new keys (`{ ...parts, word }`) a hidden class of its own: slow to build, and slow to read.
 *
 * @example
 * ```ts
 * extended({ name: "curl", isFile: false }, { release: "bookworm" }); // { name: "curl", isFile: false, release: "bookworm" }
 * ```
 */
export function extended<T extends object, U extends object>(base: T, fields: U): Omit<T, keyof U> & U {
  return Object.assign({}, base, fields);
}
