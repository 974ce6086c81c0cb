/**
 * Ignore rules in gitignore syntax: `.gitignore` files found while searching, `--ignore-pattern`
 * and the config's `ignores`, each relative to its own folder.
 */
import ignore, { type Ignore } from "ignore";
import { isAbsolute, relative, sep } from "node:path";

/**
 * Patterns that apply below one folder.
 *
 * @example
 * ```ts
 * const layer = ignoreLayer("/repo", ["build/", "*.tmp"]);
 * ignoredBy([layer], "/repo/build/Dockerfile", false); // true
 * ```
 */
export interface IgnoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

/**
 * Patterns (gitignore syntax) relative to `dir`, an absolute path.
 *
 * @example
 * ```ts
 * ignoreLayer(process.cwd(), ["vendor/**"]);
 * ```
 */
export function ignoreLayer(dir: string, patterns: string | readonly string[]): IgnoreLayer {
  return { dir, rules: ignore().add(typeof patterns === "string" ? patterns : [...patterns]) };
}

/**
 * Whether `absolute` (a folder when `isDir`) is ignored by `layers`, outermost first: a later
 * layer's `!pattern` can take back an earlier layer's ignore, as in git. Layers whose folder does
 * not contain the path do not apply.
 *
 * @example
 * ```ts
 * ignoredBy([ignoreLayer("/repo", "*.tmp"), ignoreLayer("/repo/a", "!keep.tmp")], "/repo/a/keep.tmp", false); // false
 * ```
 */
export function ignoredBy(layers: readonly IgnoreLayer[], absolute: string, isDir: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const rel = relative(layer.dir, absolute);
    if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) continue;
    const result = layer.rules.test(rel.split(sep).join("/") + (isDir ? "/" : ""));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
