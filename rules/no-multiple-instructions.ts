import type { Instruction } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";

const ALIASES: Readonly<Record<string, readonly string[]>> = {
  CMD: ["MultipleInstructionsDisallowed", "DL4003", "DS-0016"],
  ENTRYPOINT: ["MultipleInstructionsDisallowed", "DL4004", "DS-0007"],
  HEALTHCHECK: ["MultipleInstructionsDisallowed", "DL3012", "DS-0023"],
};

export default defineRule({
  meta: {
    id: "no-multiple-instructions",
    description: "Disallow more than one CMD, ENTRYPOINT or HEALTHCHECK in a stage",
    category: "instructions",
    severity: "warning",
    fixable: "none",
    aliases: ["MultipleInstructionsDisallowed", "DL4003", "DL4004", "DL3012", "DS-0016", "DS-0007", "DS-0023"],
    messages: {
      overridden: "Multiple {{keyword}} instructions should not be used in the same stage because only the last one will be used (line {{last}}).",
    },
    docs: {
      why: "A stage's image has one CMD, one ENTRYPOINT and one HEALTHCHECK: each new one replaces the previous one. An earlier one has no effect and usually means a leftover or a misunderstanding (several CMDs do not start several processes).",
      bad: ["FROM node:22\nCMD [\"npm\", \"run\", \"migrate\"]\nCMD [\"node\", \"server.js\"]\n", "FROM nginx\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK NONE\n"],
      good: ["FROM node:22 AS test\nCMD [\"npm\", \"test\"]\nFROM node:22\nCMD [\"node\", \"server.js\"]\n", "FROM node:22\nENTRYPOINT [\"node\"]\nCMD [\"server.js\"]\n"],
      notes: "Judged per stage, as BuildKit does: a CMD in another stage, or in a stage built FROM this one, is fine. The overridden instructions are reported, each with the line of the one that wins. The aliases are per instruction: DL4003/DS-0016 for CMD, DL4004/DS-0007 for ENTRYPOINT, DL3012/DS-0023 for HEALTHCHECK.",
      references: ["https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const stage of context.model.stages) {
      // Backwards, so that the last instruction of each type is met first.
      let cmd: Instruction | undefined;
      let entrypoint: Instruction | undefined;
      let healthcheck: Instruction | undefined;
      const instructions = stage.instructions;
      for (let i = instructions.length - 1; i >= 0; i--) {
        const instruction = instructions[i];
        const type = instruction.type;
        let last: Instruction | undefined;
        if (type === "CMD") {
          last = cmd;
          cmd ??= instruction;
        } else if (type === "ENTRYPOINT") {
          last = entrypoint;
          entrypoint ??= instruction;
        } else if (type === "HEALTHCHECK") {
          last = healthcheck;
          healthcheck ??= instruction;
        }
        if (last === undefined) continue;
        context.report({ messageId: "overridden", data: { keyword: type, last: last.loc.start.line }, node: instruction.keyword, aliases: ALIASES[type] });
      }
    }
  },
});
