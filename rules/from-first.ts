import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "from-first",
    description: "Require FROM before any instruction other than ARG",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: ["DL3061"],
    messages: {
      beforeFrom: "Instruction {{keyword}} comes before the first FROM: only ARG may precede FROM (BuildKit: \"no build stage in current context\").",
    },
    docs: {
      why: "Instructions belong to a build stage, and a stage starts with FROM. Only ARG may come first, to declare variables for the FROM lines. BuildKit rejects anything else before the first FROM, so the build fails at once.",
      bad: ["ENV NODE_ENV=production\nFROM node:22\n", "RUN echo hi\n"],
      good: ["ARG VERSION=22\nFROM node:${VERSION}\nENV NODE_ENV=production\n", "# syntax=docker/dockerfile:1\nFROM alpine\n"],
      notes: "Only the first offending instruction is reported: fixing it usually means moving a block below FROM. Unknown keywords are left to `unknown-instruction`.",
      references: ["https://docs.docker.com/reference/dockerfile/#format", "https://github.com/hadolint/hadolint/wiki/DL3061"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of context.ast.instructions) {
      if (instruction.type === "FROM") return;
      if (instruction.type === "ARG" || instruction.type === "UNKNOWN") continue;
      context.report({ messageId: "beforeFrom", data: { keyword: instruction.keyword.value }, node: instruction.keyword });
      return;
    }
  },
});
