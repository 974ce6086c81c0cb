/**
 * The output formats of dockerlint.
 */
import { checkstyle } from "./checkstyle.js";
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { FormatName, Formatter } from "./types.js";

export { FORMAT_NAMES } from "./types.js";
export type { FormatContext, FormatName, Formatter } from "./types.js";

/**
 * The formatter of each output format.
 *
 * @example
 * ```ts
 * process.stdout.write(formatters[options.format ?? "stylish"](results, context));
 * ```
 */
export const formatters: Readonly<Record<FormatName, Formatter>> = Object.freeze({
  stylish,
  json,
  sarif,
  github,
  gitlab,
  checkstyle,
  junit,
});
