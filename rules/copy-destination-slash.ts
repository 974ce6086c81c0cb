import type { Range } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";
import { knownValue } from "./_support/variables.js";

/** Where to insert the `/` in the source: after a bare destination, or before the closing quote of a JSON one. */
function insertionPoint(source: string, range: Range, value: string): number | undefined {
  const text = source.slice(range[0], range[1]);
  if (text === value) return range[1];
  if (text === JSON.stringify(value)) return range[1] - 1;
  return undefined;
}

export default defineRule({
  meta: {
    id: "copy-destination-slash",
    description: "Require a destination ending in / when COPY or ADD has several sources",
    category: "instructions",
    severity: "error",
    fixable: "safe",
    aliases: ["DL3021", "DS-0011"],
    messages: {
      slash: "`{{keyword}}` with {{count}} sources needs a directory destination ending in /: write {{destination}}/.",
    },
    docs: {
      why: "With more than one source, COPY and ADD can only copy into a directory, and BuildKit requires the destination to say so with a trailing `/`; otherwise the build fails (\"When using COPY with more than one source file, the destination must be a directory and end with a /\").",
      bad: ["FROM node:22\nCOPY package.json package-lock.json /app\n"],
      good: ["FROM node:22\nCOPY package.json package-lock.json /app/\n", "FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json .\n"],
      notes: "Here-document sources count as sources. Destinations are judged after expansion and skipped when a value is unknown; `.` is a directory. The fix appends the slash. hadolint (DL3021) and Trivy (DS-0011) check COPY only; ADD findings carry no alias.",
      references: ["https://docs.docker.com/reference/dockerfile/#copy", "https://github.com/hadolint/hadolint/wiki/DL3021"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    const { model, source } = context;
    for (const instruction of instructionsOfType(model, ["COPY", "ADD"], "with-triggers")) {
      if (instruction.destination === undefined || instruction.sources.length < 2) continue;
      const destination = instruction.destination;
      const value = knownValue(model.resolve(destination, instruction));
      if (value === undefined) continue;
      if (value.endsWith("/") || value.endsWith("\\") || value === ".") continue;
      const at = value === destination.value ? insertionPoint(source, destination.range, destination.value) : undefined;
      context.report({
        messageId: "slash",
        data: { keyword: instruction.type, count: instruction.sources.length, destination: destination.value },
        node: destination,
        aliases: instruction.type === "COPY" ? ["DL3021", "DS-0011"] : [],
        fix: at === undefined ? undefined : { edits: [{ range: [at, at], text: "/" }] },
      });
    }
  },
});
