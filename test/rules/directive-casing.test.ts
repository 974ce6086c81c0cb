import rule from "../../rules/directive-casing.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM alpine\n",
    { code: "FROM alpine\n# SYNTAX=x\n", name: "a comment after the directive block is not a directive" },
  ],
  invalid: [
    {
      code: "# Syntax=docker/dockerfile:1\n#  ESCAPE = `\nFROM alpine\n",
      output: "# syntax=docker/dockerfile:1\n#  escape = `\nFROM alpine\n",
      errors: [
        { message: "Parser directive 'Syntax' should be written in lowercase ('syntax').", line: 1, column: 3, endColumn: 9 },
        { messageId: "casing", line: 2, column: 4, endColumn: 10 },
      ],
    },
  ],
});
