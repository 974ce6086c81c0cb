import rule from "../../rules/no-invalid-default-arg-in-from.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "ARG TAG=3.20\nFROM alpine:${TAG}\n",
    { code: "ARG BASE=node:22\nFROM ${BASE}\n", name: "the whole name from an ARG" },
    { code: "FROM alpine:${TARGETARCH:-3.20}\n", name: "platform ARGs always have a value" },
    { code: "FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5 AS xx\n", name: "no variable in the image" },
    { code: "ARG V=3.20\nARG IMG=alpine:${V}\nFROM $IMG\n", name: "ARGs built from ARGs" },
    { code: "ARG REGISTRY=\nFROM ${REGISTRY}alpine:3.20\n", name: "an empty prefix is fine" },
    { code: "ARG TAG=Bad\nFROM alpine:${TAG}\n", name: "valid tags may be upper case" },
    { code: "ARG IMG=Alpine\nFROM ${IMG}\n", name: "an invalid name whatever the ARGs is the build's error" },
  ],
  invalid: [
    {
      code: "ARG TAG\nFROM alpine:${TAG}\n",
      errors: [{ message: "Without build arguments, FROM 'alpine:${TAG}' expands to 'alpine:', which is not a valid image name (invalid reference format). Give the ARG a default value.", line: 2, column: 6, endLine: 2, endColumn: 19, aliases: ["InvalidDefaultArgInFrom"] }],
    },
    {
      name: "an empty name",
      code: "ARG BASE\nFROM ${BASE}\n",
      errors: [{ message: "Without build arguments, FROM '${BASE}' expands to '', which is not a valid image name (empty name). Give the ARG a default value.", line: 2, column: 6, endColumn: 13 }],
    },
    {
      name: "a stage that later stages build on",
      code: "ARG TAG\nFROM alpine:${TAG} AS base\nFROM base\n",
      errors: [{ messageId: "invalid", line: 2, column: 6, endColumn: 19 }],
    },
  ],
});
