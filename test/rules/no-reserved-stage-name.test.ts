import rule from "../../rules/no-reserved-stage-name.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM alpine:3.20 AS base\n", { code: "FROM scratch\n", name: "scratch as the base" }, { code: "FROM alpine:3.20 AS contexts\n", name: "only the exact word" }],
  invalid: [
    {
      code: "FROM alpine:3.20 AS scratch\n",
      errors: [{ message: "'scratch' is a reserved name and should not be used as a stage name (`FROM scratch` is the empty image).", line: 1, column: 21, endLine: 1, endColumn: 28, aliases: ["DL3063", "ReservedStageName"] }],
    },
    {
      name: "context, in any case",
      code: "FROM node:22 AS Context\n",
      errors: [{ message: "'context' is a reserved name and should not be used as a stage name (`context` names the build context).", line: 1, column: 17, endColumn: 24 }],
    },
  ],
});
