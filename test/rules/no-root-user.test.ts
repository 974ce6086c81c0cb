import rule from "../../rules/no-root-user.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nUSER root\nRUN apk add curl\nUSER 10001\n",
    { code: "FROM golang AS build\nUSER root\nRUN go build\nFROM alpine\nUSER app\n", name: "a builder stage running as root (hadolint#405)" },
    { code: "FROM alpine\nRUN id\n", name: "no USER at all is require-user's" },
    { code: "FROM alpine\nARG U\nUSER $U\n", name: "unknown value" },
    { code: "FROM alpine AS base\nUSER app\nFROM base\nRUN id\n", name: "USER inherited from the parent stage" },
    { code: "FROM alpine\nUSER root\nFROM alpine\nUSER app\n", name: "only the target counts" },
  ],
  invalid: [
    {
      code: "FROM alpine\nUSER app\nUSER root\n",
      errors: [{ message: "The image runs as root (USER root is the last USER of the target image): switch to an unprivileged user at the end.", line: 3, column: 6, endColumn: 10, aliases: ["DL3002", "DS-0002", "CKV_DOCKER_8"] }],
    },
    {
      name: "UID 0 with a group, from a variable, in the parent stage",
      code: "FROM alpine AS base\nARG U=0:0\nUSER $U\nFROM base\nRUN id\n",
      errors: [{ message: "The image runs as root (USER 0:0 is the last USER of the target image): switch to an unprivileged user at the end.", line: 3, column: 6, endColumn: 8 }],
    },
  ],
});
