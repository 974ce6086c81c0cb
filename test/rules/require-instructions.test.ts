import rule from "../../rules/require-instructions.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM python:3.12-slim\nCMD [\"python\"]\n",
    { code: "FROM python:3.12-slim AS base\nENTRYPOINT [\"python\"]\nFROM base\n", name: "either alternative, in the stage chain" },
    { code: "FROM alpine:3.20\nUSER app\nEXPOSE 80\n", options: { instructions: ["USER", "expose"] }, name: "names in any case" },
    { code: "FROM alpine:3.20\n", options: { instructions: [] }, name: "nothing required" },
  ],
  invalid: [
    {
      code: "FROM python:3.12-slim\nCOPY app.py /app/\n",
      errors: [{ message: "The image built by stage stage-0 has no CMD or ENTRYPOINT instruction, which this project requires.", line: 1, column: 1, endLine: 1, endColumn: 5, aliases: [] }],
    },
    {
      name: "each missing entry",
      code: "FROM alpine:3.20 AS build\nUSER app\nFROM alpine:3.20 AS app\nCMD [\"x\"]\n",
      options: { instructions: ["USER", "EXPOSE", "CMD"] },
      errors: [
        { message: "The image built by stage app has no USER instruction, which this project requires.", line: 3, column: 1, endColumn: 5 },
        { message: "The image built by stage app has no EXPOSE instruction, which this project requires.", line: 3, column: 1, endColumn: 5 },
      ],
    },
  ],
});
