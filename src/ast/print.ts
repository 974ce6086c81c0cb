/** Prints a tree back to the exact text it was parsed from. */
import type { Dockerfile } from "./nodes.js";

/**
 * Gives back the source text, byte for byte: the byte order mark, then every top-level item's raw text.
 *
 * @example
 * ```ts
 * const text = "FROM a\n# c\nRUN b \\\n  c\n";
 * print(parse(text).ast) === text; // true
 * ```
 */
export function print(ast: Dockerfile): string {
  let out = ast.bom ? "\uFEFF" : "";
  for (const item of ast.body) out += item.raw;
  return out;
}
