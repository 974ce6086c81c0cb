import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";

export default defineRule({
  meta: {
    id: "from-as-casing",
    description: "Enforce the same casing for AS as for its FROM keyword",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ["FromAsCasing"],
    messages: {
      casing: "'{{as}}' and '{{from}}' keywords' casing do not match: write '{{fixed}}'.",
    },
    docs: {
      why: "`FROM image AS name` reads as one phrase; BuildKit warns when `AS` is not written in the same case as `FROM` (`FROM x as y`, `from x AS y`).",
      bad: ["FROM golang:1.22 as build\n", "from golang:1.22 AS build\n"],
      good: ["FROM golang:1.22 AS build\n", "from golang:1.22 as build\n", "From golang:1.22 as build\n"],
      notes: "As in BuildKit, nothing is reported when FROM itself is in mixed case (`From`): that is `consistent-instruction-casing`'s business. The fix rewrites AS.",
      references: ["https://docs.docker.com/go/dockerfile/rule/from-as-casing/"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["FROM"], "top-level")) {
      if (instruction.asKeyword === undefined) continue;
      const from = instruction.keyword.value;
      const as = instruction.asKeyword;
      // The usual spellings agree without case conversions.
      if (from === "FROM" ? as.value === "AS" : from === "from" && as.value === "as") continue;
      const fixed = from === from.toLowerCase() ? as.value.toLowerCase() : from === from.toUpperCase() ? as.value.toUpperCase() : as.value;
      if (fixed === as.value) continue;
      context.report({ messageId: "casing", data: { as: as.value, from, fixed }, node: as, fix: { edits: [{ range: as.range, text: fixed }] } });
    }
  },
});
