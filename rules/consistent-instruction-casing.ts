import type { Instruction } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";

type Casing = "consistent" | "upper" | "lower";

/*
 * The keywords whose casing counts are those of every known top-level instruction (not ONBUILD
 * triggers, as in BuildKit). A known keyword upper-cases to its type, so it is upper case exactly
 * when it is its type: only the others need a lower-case copy to compare with.
 */

function isUpperCase(instruction: Instruction): boolean {
  return instruction.keyword.value === instruction.type;
}

function isLowerCase(instruction: Instruction): boolean {
  const keyword = instruction.keyword.value;
  return keyword !== instruction.type && keyword === keyword.toLowerCase();
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
    const instructions = context.ast.instructions;
    let expected: "upper" | "lower" = context.options.casing === "lower" ? "lower" : "upper";
    if (context.options.casing === "consistent") {
      let known = 0;
      let lower = 0;
      let upper = 0;
      for (const instruction of instructions) {
        if (instruction.type === "UNKNOWN") continue;
        known++;
        if (isUpperCase(instruction)) upper++;
        else if (isLowerCase(instruction)) lower++;
      }
      expected = lower > upper ? "lower" : "upper";
      if ((expected === "lower" ? lower : upper) === known) return; // every keyword has the majority's casing
    }
    for (const instruction of instructions) {
      if (instruction.type === "UNKNOWN" || (expected === "upper" ? isUpperCase(instruction) : isLowerCase(instruction))) continue;
      const word = instruction.keyword;
      const fixed = expected === "lower" ? word.value.toLowerCase() : word.value.toUpperCase();
      context.report({
        messageId: "casing",
        data: { keyword: word.value, expected: expected === "lower" ? "lowercase" : "uppercase", reason: context.options.casing === "consistent" ? "majority of the file's keywords" : "configured casing" },
        node: word,
        fix: { edits: [{ range: word.range, text: fixed }] },
      });
    }
  },
});
