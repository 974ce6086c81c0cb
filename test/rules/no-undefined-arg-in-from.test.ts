import rule from "../../rules/no-undefined-arg-in-from.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\n",
    { code: "ARG TAG\nFROM alpine:${TAG}\n", name: "declared without a default" },
    { code: "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n", name: "automatic platform ARGs" },
    { code: "FROM alpine:${TARGETARCH}\n", name: "a platform ARG in the image" },
    { code: "FROM alpine:3.20\n", name: "no variables" },
  ],
  invalid: [
    {
      code: "ARG NODE_VERSION=22\nFROM node:${NODE_VERSOIN}\n",
      errors: [{ message: "FROM uses 'NODE_VERSOIN', which no ARG before the first FROM declares, so no build argument can set it and it is always unset (did you mean 'NODE_VERSION'?).", line: 2, column: 6, endLine: 2, endColumn: 26, aliases: ["UndefinedArgInFrom"] }],
    },
    {
      name: "an ARG declared in a stage is not global",
      code: "FROM alpine:3.20 AS base\nARG TAG=3.20\nFROM alpine:${TAG}\n",
      errors: [{ message: "FROM uses 'TAG', which no ARG before the first FROM declares, so no build argument can set it and it is always unset.", line: 3, column: 6, endColumn: 19 }],
    },
    {
      name: "in --platform",
      code: "FROM --platform=$BUILD_PLATFORM golang:1.23\n",
      errors: [{ messageId: "undefined", line: 1, column: 17, endColumn: 32 }],
    },
    {
      name: "a default value does not make it settable",
      code: "FROM ${SECONDBASE:-busybox:1.36}\n",
      errors: [{ messageId: "undefined", line: 1, column: 6, endColumn: 33 }],
    },
    {
      name: "each name once",
      code: "FROM ${REPO}/app:${REPO}\n",
      errors: [{ messageId: "undefined", line: 1, column: 6, endColumn: 25 }],
    },
  ],
});
