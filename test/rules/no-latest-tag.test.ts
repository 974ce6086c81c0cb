import rule from "../../rules/no-latest-tag.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:22.11-alpine\n",
    { code: "FROM node:latest@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n", name: "a digest pins latest" },
    { code: "FROM node\n", name: "no tag is require-base-image-tag's" },
    { code: "ARG TAG\nFROM python:${TAG}\n", name: "a tag without a known value" },
    { code: "FROM alpine:3.20 AS latest\nFROM latest\n", name: "a stage named latest" },
    { code: "FROM myimage:latest-dev\n", name: "a tag that only starts with latest" },
  ],
  invalid: [
    {
      code: "FROM node:latest\n",
      errors: [{ messageId: "latest", line: 1, column: 11, endLine: 1, endColumn: 17, aliases: ["DL3007", "DS-0001", "CKV_DOCKER_7"] }],
    },
    {
      name: "latest from an ARG default: the whole image is underlined",
      code: "ARG TAG=latest\nFROM python:${TAG}\n",
      errors: [{ message: "Base image 'python:latest' uses the tag 'latest', which moves with every release. Pin a version tag (or add a digest).", line: 2, column: 6, endColumn: 19 }],
    },
    {
      name: "with a registry and a port",
      code: "FROM localhost:5000/app:latest AS app\n",
      errors: [{ messageId: "latest", line: 1, column: 25, endColumn: 31 }],
    },
  ],
});
