import rule from "../../rules/single-download-tool.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN curl -fsSLO https://x/a && curl -fsSLO https://x/b\n",
    { code: "FROM debian AS a\nRUN curl -fsSLO https://x/a\nFROM alpine\nRUN wget -q https://x/b\n", name: "different stages" },
    { code: "FROM debian\nRUN apt-get install -y curl wget\n", name: "installing both" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN curl -fsSLO https://x/a\nRUN wget -q https://x/b && wget -q https://x/c\n",
      errors: [
        { message: "This stage already downloads with curl (line 2); use one of wget and curl, not both.", line: 3, column: 5, endColumn: 9, aliases: ["DL4001", "DS-0014"] },
        { messageId: "both", line: 3, column: 28, endColumn: 32 },
      ],
    },
    {
      name: "an inherited ONBUILD trigger counts in the child stage",
      code: "FROM debian AS base\nONBUILD RUN wget -q https://x/a\nFROM base\nRUN curl -fsSLO https://x/b\n",
      errors: [{ message: "This stage already downloads with wget (line 2); use one of wget and curl, not both.", line: 4, column: 5, endColumn: 9 }],
    },
  ],
});
