import rule from "../../rules/require-user.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:22\nUSER node\n",
    { code: "FROM node:22 AS base\nUSER node\nFROM base\nCMD [\"node\"]\n", name: "USER in the parent stage" },
    { code: "FROM node:22\nUSER root\n", name: "a root USER is no-root-user's" },
  ],
  invalid: [
    {
      code: "FROM node:22\nCMD [\"node\", \"server.js\"]\n",
      errors: [{ messageId: "missing", line: 1, column: 1, endColumn: 5, aliases: ["DS-0002", "CKV_DOCKER_3"] }],
    },
    {
      name: "a USER in another stage does not count",
      code: "FROM node:22 AS build\nUSER node\nFROM node:22\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "missing", line: 3, column: 1, endColumn: 5 }],
    },
  ],
});
