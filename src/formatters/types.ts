/**
 * The formatter contract: a formatter turns lint results into the text one output format expects.
 */
import type { LintResult, RuleDescription } from "../engine/types.js";

/**
 * The names of the output formats, in the order the CLI lists them (`stylish` is the default).
 *
 * @example
 * ```ts
 * if (!FORMAT_NAMES.includes(name as FormatName)) throw new Error(`unknown format ${name}`);
 * ```
 */
export const FORMAT_NAMES = ["stylish", "json", "sarif", "github", "gitlab", "checkstyle", "junit"] as const;

/**
 * The name of an output format.
 *
 * @example
 * ```ts
 * const name: FormatName = "sarif";
 * ```
 */
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * What a formatter knows besides the results.
 *
 * @example
 * ```ts
 * const context: FormatContext = {
 *   cwd: process.cwd(),
 *   color: process.stdout.isTTY,
 *   rules: new Map(),
 *   toolVersion: "1.0.0",
 *   docsBaseUrl: "https://github.com/example/dockerlint/blob/main/",
 * };
 * ```
 */
export interface FormatContext {
  /** Directory that file paths are shown relative to (usually the repository root). */
  readonly cwd: string;
  /** Whether human formats may use ANSI colours; machine formats never do. */
  readonly color: boolean;
  /** The rules by id, for descriptions and documentation links. */
  readonly rules: ReadonlyMap<string, RuleDescription>;
  /** Version of dockerlint itself. */
  readonly toolVersion: string;
  /** Base URL that rule `docsPath`s are resolved against, e.g. `https://github.com/<org>/dockerlint/blob/main/`. */
  readonly docsBaseUrl: string;
}

/**
 * A pure function from results to output text. Non-empty output ends with a newline.
 *
 * @example
 * ```ts
 * const count: Formatter = (results) => `${results.length}\n`;
 * ```
 */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
