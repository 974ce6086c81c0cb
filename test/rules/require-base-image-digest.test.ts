import rule from "../../rules/require-base-image-digest.js";
import { testRule } from "../support/rule-tester.js";

const DIGEST = "sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5";

testRule(rule, {
  valid: [
    `FROM node:22@${DIGEST}\n`,
    `FROM node@${DIGEST} AS base\nFROM base\n`,
    { code: "FROM scratch\n", name: "scratch" },
    { code: "ARG BASE\nFROM $BASE\n", name: "unknown base" },
    { code: `ARG BASE=node:22@${DIGEST}\nFROM $BASE\n`, name: "a digest from an ARG default" },
  ],
  invalid: [
    {
      code: "FROM node:22\n",
      errors: [{ messageId: "noDigest", line: 1, column: 6, endLine: 1, endColumn: 13, aliases: [] }],
    },
    {
      name: "every image stage",
      code: "FROM golang:1.23 AS build\nFROM gcr.io/distroless/static\n",
      errors: [
        { messageId: "noDigest", line: 1, column: 6, endColumn: 17 },
        { messageId: "noDigest", line: 2, column: 6, endColumn: 30 },
      ],
    },
  ],
});
