import rule from "../../rules/no-redundant-target-platform.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine:3.20\n",
    { code: "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n", name: "BUILDPLATFORM" },
    { code: "FROM --platform=linux/${TARGETARCH} alpine:3.20\n", name: "another variable" },
    { code: "FROM --platform=${TARGETPLATFORM}-x alpine:3.20\n", name: "not only the variable" },
    { code: "FROM --platform=linux/amd64 alpine:3.20\n", name: "a constant" },
  ],
  invalid: [
    {
      code: "FROM --platform=$TARGETPLATFORM alpine:3.20\n",
      output: "FROM alpine:3.20\n",
      errors: [{ messageId: "redundant", line: 1, column: 6, endLine: 1, endColumn: 32, aliases: ["RedundantTargetPlatform", "DL3065"] }],
    },
    {
      name: "braces, and a stage name",
      code: "FROM --platform=${TARGETPLATFORM} node:22 AS app\nRUN node -v\n",
      output: "FROM node:22 AS app\nRUN node -v\n",
      errors: [{ message: "Setting FROM --platform to '${TARGETPLATFORM}' is redundant: a stage is built for the target platform by default.", line: 1, column: 6, endColumn: 34 }],
    },
    {
      name: "a line continuation after the flag",
      code: "FROM --platform=$TARGETPLATFORM \\\n  alpine:3.20\n",
      output: "FROM \\\n  alpine:3.20\n",
      errors: [{ messageId: "redundant", line: 1, column: 6, endColumn: 32 }],
    },
  ],
});
