import rule from "../../rules/no-duplicate-stage-name.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:22 AS web\nFROM golang:1.23 AS api\nFROM alpine:3.20\n",
    { code: "FROM alpine:3.20\nFROM alpine:3.20\n", name: "unnamed stages" },
  ],
  invalid: [
    {
      code: "FROM node:22 AS build\nRUN npm ci\nFROM golang:1.23 AS build\n",
      errors: [{ message: "Stage name 'build' is already used by the stage on line 1: `FROM build` and `COPY --from=build` then depend on where they are, which is easy to get wrong.", line: 3, column: 21, endLine: 3, endColumn: 26, aliases: ["DL3024", "DuplicateStageName", "DS-0012", "CKV_DOCKER_11"] }],
    },
    {
      name: "names compare lower-cased",
      code: "FROM alpine:3.20 AS Base\nFROM alpine:3.20 AS base\n",
      errors: [{ messageId: "duplicate", line: 2, column: 21, endColumn: 25 }],
    },
    {
      name: "every repeat",
      code: "FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x\n",
      errors: [
        { messageId: "duplicate", line: 2, column: 13, endColumn: 14 },
        { messageId: "duplicate", line: 3, column: 13, endColumn: 14 },
      ],
    },
  ],
});
