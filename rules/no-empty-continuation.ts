import type { Instruction, Range } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";

/** The whitespace-only lines between the continuation lines of `instruction` (not in here-document bodies), with their line break. */
function emptyLines(source: string, instruction: Instruction): Range[] {
  const end = instruction.heredocs[0]?.body.range[0] ?? instruction.range[1];
  const lines: Range[] = [];
  let start = source.indexOf("\n", instruction.range[0]) + 1;
  while (start > 0 && start < end) {
    const next = source.indexOf("\n", start);
    const lineEnd = next < 0 ? source.length : next;
    if (lineEnd < end && /^[ \t\r\f\v]*$/.test(source.slice(start, lineEnd))) lines.push([start, next < 0 ? lineEnd : next + 1]);
    start = next + 1;
  }
  return lines;
}

export default defineRule({
  meta: {
    id: "no-empty-continuation",
    description: "Disallow empty lines inside a continued instruction",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ["NoEmptyContinuation"],
    messages: {
      empty: "Empty continuation line: BuildKit skips it today and plans to make it an error.",
    },
    docs: {
      why: "A blank line inside an instruction continued with `\\` looks like the end of the instruction, but BuildKit skips it and keeps reading, so the next lines still belong to the instruction. BuildKit warns about it and plans to turn it into an error.",
      bad: ["FROM alpine\nRUN apk add \\\n\n    curl\n"],
      good: ["FROM alpine\nRUN apk add \\\n    curl\n", "FROM alpine\nRUN apk add \\\n# a comment line is fine\n    curl\n"],
      notes: "Comment lines inside a continuation are fine. The fix deletes the empty line, which does not change the instruction.",
      references: ["https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const flagged = context.model.parseDiagnostics.filter((d) => d.code === "empty-continuation");
    if (flagged.length === 0) return;
    for (const instruction of context.ast.instructions) {
      if (!flagged.some((d) => d.range[0] === instruction.range[0])) continue;
      for (const line of emptyLines(context.source, instruction)) {
        const text = context.source.slice(line[0], line[1]);
        const content: Range = [line[0], line[0] + text.replace(/\r?\n$/, "").length];
        context.report({ messageId: "empty", range: content, fix: { edits: [{ range: line, text: "" }] } });
      }
    }
  },
});
