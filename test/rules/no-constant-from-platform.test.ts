import rule from "../../rules/no-constant-from-platform.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine:3.20\n",
    { code: "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n", name: "BUILDPLATFORM" },
    { code: "FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20\n", name: "platform ARGs" },
    { code: "ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM alpine:3.20\n", name: "any variable, even with a known value" },
    { code: "FROM --platform=$UNDECLARED alpine:3.20\n", name: "an undeclared variable is still not constant" },
    { code: "FROM --platform=linux/amd64 alpine:3.20 AS build-amd64\n", name: "the stage name has the architecture" },
    { code: "FROM --platform=linux/arm64 alpine:3.20 AS linux-tools\n", name: "the stage name has the OS" },
    { code: "FROM --platform=linux/x86_64 alpine:3.20 AS base_amd64\n", name: "architecture aliases normalise" },
    { code: "FROM --platform=not/a/valid/platform alpine:3.20\n", name: "an unparsable platform fails the build elsewhere" },
  ],
  invalid: [
    {
      code: "FROM --platform=linux/amd64 alpine:3.20\n",
      errors: [{ message: "FROM --platform should not use the constant value 'linux/amd64': the stage then builds for that platform only, whatever platform the build asks for.", line: 1, column: 6, endLine: 1, endColumn: 28, aliases: ["FromPlatformFlagConstDisallowed", "DL3029"] }],
    },
    {
      name: "a stage name without the platform",
      code: "FROM --platform=linux/arm64/v8 node:22 AS builder\n",
      errors: [{ messageId: "constant", line: 1, column: 6, endColumn: 31 }],
    },
    {
      name: "a quoted constant",
      code: "FROM --platform=\"windows/amd64\" mcr.microsoft.com/windows/nanoserver:ltsc2022\n",
      errors: [{ messageId: "constant", line: 1, column: 6, endColumn: 32 }],
    },
  ],
});
