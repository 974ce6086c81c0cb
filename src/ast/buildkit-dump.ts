/**
 * BuildKit's AST dump (`Node.Dump()`, the `result` files of its parser tests), from our tree.
 */
import { goQuote } from "../../grammar/dockerfile/go-quote.js";
import type { Dockerfile, Instruction } from "./nodes.js";

/** One instruction as BuildKit dumps it, without the surrounding parentheses. */
export function dumpInstruction(node: Instruction): string {
  let s = node.keyword.value.toLowerCase();
  if (node.flags.length > 0) s += " [" + node.flags.map((f) => goQuote(f.text)).join(" ") + "]";
  if (node.type === "ONBUILD") {
    if (node.trigger !== undefined) s += " (" + dumpInstruction(node.trigger) + ")";
    return s.trim();
  }
  for (const arg of node.args) s += " " + goQuote(arg.value);
  return s.trim();
}

/**
 * The dump of a whole file, exactly as BuildKit's `result` files hold it (with the final `\n`).
 *
 * @example
 * ```ts
 * toBuildkitDump(parse('FROM alpine\nCMD ["sh"]\n').ast); // '(from "alpine")\n(cmd "sh")\n'
 * ```
 */
export function toBuildkitDump(ast: Dockerfile): string {
  return ast.instructions.map((i) => "(" + dumpInstruction(i) + ")\n").join("");
}
