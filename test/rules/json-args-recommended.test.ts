import rule from "../../rules/json-args-recommended.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:22\nCMD [\"node\", \"server.js\"]\nENTRYPOINT [\"tini\", \"--\"]\n",
    { code: "FROM alpine\nSHELL [\"/bin/ash\", \"-c\"]\nCMD exec app\n", name: "an explicit SHELL makes shell form deliberate" },
    { code: "FROM alpine AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nCMD app --serve\n", name: "SHELL inherited from the parent stage" },
    { code: "FROM alpine\nRUN echo hi\n", name: "RUN is not concerned" },
  ],
  invalid: [
    {
      code: "FROM node:22\nCMD node server.js\n",
      output: "FROM node:22\nCMD [\"node\", \"server.js\"]\n",
      errors: [{ message: "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals: write CMD [\"executable\", \"arg\"].", line: 2, column: 5, endColumn: 19, aliases: ["JSONArgsRecommended", "DL3025"] }],
    },
    {
      name: "quoted literal words",
      code: "FROM alpine\nentrypoint /app \"a b\" 'c,d'\n",
      output: "FROM alpine\nentrypoint [\"/app\", \"a b\", \"c,d\"]\n",
      errors: [{ messageId: "shellForm", line: 2, column: 12, endColumn: 28 }],
    },
    {
      name: "no fix: variables, operators, redirections, builtins, globs, brackets (single-quoted JSON seen in the corpus)",
      code: "FROM alpine\nCMD node $APP\nCMD a && b\nCMD app > /log\nCMD exec app\nCMD ls *.txt\nCMD ~/bin/app\nCMD ['/opt/flyway/flyway']\n",
      errors: [
        { messageId: "shellForm", line: 2, column: 5 },
        { messageId: "shellForm", line: 3, column: 5 },
        { messageId: "shellForm", line: 4, column: 5 },
        { messageId: "shellForm", line: 5, column: 5 },
        { messageId: "shellForm", line: 6, column: 5 },
        { messageId: "shellForm", line: 7, column: 5 },
        { messageId: "shellForm", line: 8, column: 5 },
      ],
    },
    {
      name: "no fix for an ENTRYPOINT when CMD would become its arguments",
      code: "FROM alpine AS base\nENTRYPOINT app --serve\nFROM base\nCMD [\"--port\", \"80\"]\n",
      errors: [{ messageId: "shellForm", line: 2, column: 12, endColumn: 23 }],
    },
    {
      name: "no fix on Windows",
      code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD app.exe\n",
      errors: [{ messageId: "shellForm", line: 2, column: 5, endColumn: 12 }],
    },
  ],
});
