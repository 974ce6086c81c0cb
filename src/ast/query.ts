/** Small questions about the tree that several parts of the project ask. */
import type { Instruction } from "./nodes.js";

/**
 * The last physical line an instruction occupies, as BuildKit counts it (`EndLine`): continuation
 * lines, comment and blank lines inside them, and heredoc bodies with their terminator.
 *
 * @example
 * ```ts
 * physicalEndLine(parse("RUN a \\\n\n  b\n").ast.instructions[0]); // 3
 * ```
 */
export function physicalEndLine(node: Instruction): number {
  const raw = node.raw;
  let newlines = 0;
  for (let i = raw.indexOf("\n"); i >= 0 && i < raw.length - 1; i = raw.indexOf("\n", i + 1)) newlines++;
  return node.loc.start.line + newlines;
}
