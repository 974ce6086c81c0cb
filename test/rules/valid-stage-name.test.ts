import rule from "../../rules/valid-stage-name.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM golang:1.23 AS build-1\n", "FROM node:22 AS web_build.v2\n", { code: "FROM node:22 AS Build\n", name: "upper case is lower-cased first" }],
  invalid: [
    {
      code: "FROM golang:1.23 AS 1st-build\n",
      errors: [{ message: "Invalid stage name '1st-build': a name starts with a letter and has only letters, digits, '-', '_' and '.', so the build fails.", line: 1, column: 21, endLine: 1, endColumn: 30, aliases: [] }],
    },
    { name: "a colon", code: "FROM node:22 AS web:build\n", errors: [{ messageId: "invalid", line: 1, column: 17, endColumn: 26 }] },
    { name: "a leading dash", code: "FROM node:22 as -x\n", errors: [{ messageId: "invalid", line: 1, column: 17, endColumn: 19 }] },
  ],
});
