/** The invariants every input must keep, shared by the quick fuzz test and `npm run fuzz`. */
import { forEachNode } from "../../src/ast/walk.js";
import { fixText } from "../../src/engine/fix.js";
import { lint } from "../../src/engine/lint.js";
import { parse } from "../../src/parse.js";
import { print } from "../../src/ast/print.js";

/** Throws (so fast-check shrinks) when an invariant does not hold for `text`. */
export function checkInvariants(text: string): void {
  const { ast } = parse(text);
  if (print(ast) !== text) throw new Error("print(parse(text)) differs from the text");
  let previous = -1;
  forEachNode(ast, (node, parent) => {
    const [s, e] = node.range;
    if (!(0 <= s && s <= e && e <= text.length)) throw new Error(`${node.type} range ${s}-${e} outside the text`);
    if (parent && (s < parent.range[0] || e > parent.range[1])) throw new Error(`${node.type} outside its ${parent.type}`);
  });
  for (const item of ast.body) {
    if (item.range[0] < previous) throw new Error(`${item.type} starts before the previous item ends`);
    previous = item.range[1];
  }
  lint(text);
  const fixed = fixText(text, { unsafe: true });
  const before = parse(text).diagnostics.filter((d) => d.severity === "error").length;
  const after = parse(fixed.output).diagnostics.filter((d) => d.severity === "error").length;
  if (after > before) throw new Error("--fix output has more parse errors than the input");
  if (fixText(fixed.output, { unsafe: true }).output !== fixed.output) throw new Error("a second --fix changed the text again");
}
