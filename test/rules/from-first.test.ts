import rule from "../../rules/from-first.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nRUN echo hi\n",
    { code: "ARG BASE=alpine\nARG TAG=3.20\nFROM ${BASE}:${TAG}\n", name: "ARGs before FROM" },
    { code: "# syntax=docker/dockerfile:1\n# a comment\n\nFROM alpine\n", name: "directives, comments and blank lines" },
    { code: "FOO bar\nFROM alpine\n", name: "unknown keywords are left to unknown-instruction" },
  ],
  invalid: [
    {
      code: "ENV NODE_ENV=production\nFROM node:22\n",
      errors: [{ message: "Instruction ENV comes before the first FROM: only ARG may precede FROM (BuildKit: \"no build stage in current context\").", line: 1, column: 1, endColumn: 4, aliases: ["DL3061"] }],
    },
    {
      name: "only the first offending instruction",
      code: "ARG A=1\nlabel a=b\nRUN x\nFROM alpine\n",
      errors: [{ messageId: "beforeFrom", line: 2, column: 1, endColumn: 6 }],
    },
    {
      name: "a file without FROM",
      code: "RUN make\n",
      errors: [{ messageId: "beforeFrom", line: 1, column: 1, endColumn: 4 }],
    },
  ],
});
