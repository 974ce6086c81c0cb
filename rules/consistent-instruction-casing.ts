import type { Instruction } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";

type Casing = "consistent" | "upper" | "lower";

/** The instructions whose keyword casing counts: every known top-level instruction (not ONBUILD triggers, as in BuildKit). */
function keywords(instructions: readonly Instruction[]): Instruction["keyword"][] {
  return instructions.filter((i) => i.type !== "UNKNOWN").map((i) => i.keyword);
}

export default defineRule<{ casing: Casing }>({
  meta: {
    id: "consistent-instruction-casing",
    description: "Enforce one casing for all instruction keywords",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ["ConsistentInstructionCasing"],
    messages: {
      casing: "Instruction '{{keyword}}' should be {{expected}} like the {{reason}}.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        casing: {
          type: "string",
          enum: ["consistent", "upper", "lower"],
          default: "consistent",
          description: "`consistent`: the casing most keywords of the file use (upper case on a tie), as BuildKit; `upper` or `lower`: always that casing.",
        },
      },
    },
    docs: {
      why: "Keywords are case-insensitive, but a file that mixes `RUN` and `run` (or writes `Run`) is harder to scan. BuildKit warns when a keyword does not follow the casing most keywords of the file use.",
      bad: ["FROM alpine\nRUN apk add curl\ncopy . /app\n", "from alpine\nRun echo hi\nrun echo ho\n"],
      good: ["FROM alpine\nRUN apk add curl\nCOPY . /app\n", "from alpine\nrun apk add curl\n"],
      notes: "With the default `consistent`, the majority is counted over keywords that are all upper or all lower case; `Run` is never right. Meta ARGs before the first FROM count too. The fix rewrites the keyword.",
      references: ["https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const words = keywords(context.ast.instructions);
    let expected: "upper" | "lower" = context.options.casing === "lower" ? "lower" : "upper";
    if (context.options.casing === "consistent") {
      const lower = words.filter((w) => w.value === w.value.toLowerCase()).length;
      const upper = words.filter((w) => w.value === w.value.toUpperCase()).length;
      expected = lower > upper ? "lower" : "upper";
    }
    const reason = context.options.casing === "consistent" ? "majority of the file's keywords" : "configured casing";
    for (const word of words) {
      const fixed = expected === "lower" ? word.value.toLowerCase() : word.value.toUpperCase();
      if (fixed === word.value) continue;
      context.report({
        messageId: "casing",
        data: { keyword: word.value, expected: expected === "lower" ? "lowercase" : "uppercase", reason },
        node: word,
        fix: { edits: [{ range: word.range, text: fixed }] },
      });
    }
  },
});
