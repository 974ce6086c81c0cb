import type { Dockerfile, Instruction } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";

/** `value` as a double-quoted LABEL value that expands back to exactly `value`. */
function quoted(value: string, escape: Dockerfile["escapeChar"]): string {
  let out = "";
  for (const c of value) out += c === '"' || c === "$" || c === escape ? escape + c : c;
  return `"${out}"`;
}

export default defineRule({
  meta: {
    id: "no-maintainer",
    description: "Disallow the deprecated MAINTAINER instruction",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ["MaintainerDeprecated", "DL4000", "DS-0022", "CKV_DOCKER_6"],
    messages: {
      deprecated: "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors=\"…\" instead.",
    },
    docs: {
      why: "MAINTAINER has been deprecated since Docker 1.13. It sets a legacy `Author` field that most tooling ignores; the OCI annotation `org.opencontainers.image.authors`, set with LABEL, is where registries and scanners look for the author.",
      bad: ["FROM alpine\nMAINTAINER Jane Doe <jane@example.com>\n"],
      good: ["FROM alpine\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n"],
      notes: "The fix replaces the instruction with the LABEL, quoting the value so that LABEL's variable expansion leaves it unchanged (MAINTAINER never expands variables). No fix is offered when the value spans several lines.",
      references: ["https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/", "https://github.com/hadolint/hadolint/wiki/DL4000"],
    },
    since: "0.1.0",
  },
  check(context) {
    // Typed as any instruction: the single-value instructions share one node type, which the type test narrows.
    const maintainers: readonly Instruction[] = instructionsOfType(context.model, ["MAINTAINER"], "top-level");
    for (const instruction of maintainers) {
      if (instruction.type !== "MAINTAINER") continue;
      const value = instruction.value;
      const keyword = instruction.keyword.value === instruction.keyword.value.toLowerCase() ? "label" : "LABEL";
      const fixable = value !== undefined && value.map === undefined && instruction.flags.length === 0;
      context.report({
        messageId: "deprecated",
        node: instruction.keyword,
        fix: fixable
          ? { edits: [{ range: [instruction.keyword.range[0], value.range[1]], text: `${keyword} org.opencontainers.image.authors=${quoted(value.value, context.ast.escapeChar)}` }] }
          : undefined,
      });
    }
  },
});
