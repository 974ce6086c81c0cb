import rule from "../../rules/no-multiple-instructions.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:22\nENTRYPOINT [\"node\"]\nCMD [\"server.js\"]\nHEALTHCHECK NONE\n",
    { code: "FROM node:22 AS test\nCMD [\"npm\", \"test\"]\nFROM test\nCMD [\"node\", \"server.js\"]\n", name: "a CMD per stage, also in a child stage (hadolint#405-like multi-stage case)" },
  ],
  invalid: [
    {
      code: "FROM node:22\nCMD [\"a\"]\nCMD [\"b\"]\nCMD [\"c\"]\n",
      errors: [
        { message: "Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 4).", line: 2, column: 1, endColumn: 4, aliases: ["MultipleInstructionsDisallowed", "DL4003", "DS-0016"] },
        { messageId: "overridden", line: 3, column: 1, endColumn: 4 },
      ],
    },
    {
      name: "ENTRYPOINT and HEALTHCHECK aliases",
      code: "FROM nginx\nentrypoint a\nENTRYPOINT b\nHEALTHCHECK CMD x\nHEALTHCHECK NONE\n",
      errors: [
        { messageId: "overridden", line: 2, column: 1, endColumn: 11, aliases: ["MultipleInstructionsDisallowed", "DL4004", "DS-0007"] },
        { messageId: "overridden", line: 4, column: 1, endColumn: 12, aliases: ["MultipleInstructionsDisallowed", "DL3012", "DS-0023"] },
      ],
    },
  ],
});
