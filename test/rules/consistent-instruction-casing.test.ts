import rule from "../../rules/consistent-instruction-casing.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nRUN echo hi\n",
    { code: "from alpine\nrun echo hi\n", name: "all lowercase" },
    { code: "FROM alpine\nRUN x\nFOO y\n", name: "unknown keywords are not counted" },
    { code: "from alpine\nrun x\n", options: { casing: "lower" }, name: "configured lowercase" },
  ],
  invalid: [
    {
      code: "FROM alpine\nRUN apk add curl\ncopy . /app\n",
      output: "FROM alpine\nRUN apk add curl\nCOPY . /app\n",
      errors: [{ message: "Instruction 'copy' should be uppercase like the majority of the file's keywords.", line: 3, column: 1, endColumn: 5, aliases: ["ConsistentInstructionCasing"] }],
    },
    {
      name: "mixed case is never right; the majority is lowercase",
      code: "from alpine\nRun echo hi\nrun echo ho\n",
      output: "from alpine\nrun echo hi\nrun echo ho\n",
      errors: [{ message: "Instruction 'Run' should be lowercase like the majority of the file's keywords.", line: 2, column: 1, endColumn: 4 }],
    },
    {
      name: "a tie goes to uppercase",
      code: "FROM alpine\nrun x\n",
      output: "FROM alpine\nRUN x\n",
      errors: [{ messageId: "casing", line: 2, column: 1, endColumn: 4 }],
    },
    {
      name: "meta ARGs count",
      code: "arg V=1\nFROM alpine:$V\nRUN x\n",
      output: "ARG V=1\nFROM alpine:$V\nRUN x\n",
      errors: [{ messageId: "casing", line: 1, column: 1, endColumn: 4 }],
    },
    {
      name: "configured uppercase",
      code: "from alpine\nrun x\n",
      options: { casing: "upper" },
      output: "FROM alpine\nRUN x\n",
      errors: [
        { message: "Instruction 'from' should be uppercase like the configured casing.", line: 1, column: 1, endColumn: 5 },
        { messageId: "casing", line: 2, column: 1, endColumn: 4 },
      ],
    },
  ],
});
