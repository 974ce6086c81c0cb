import rule from "../../rules/no-copy-whole-stage.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n",
    { code: "FROM alpine:3.20\nCOPY / /\n", name: "the build context is not a stage" },
    { code: "FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build / /rootfs/\n", name: "into a subfolder" },
    { code: "FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build / /\n", name: "corpus: squashing into an empty stage" },
    { code: "FROM scratch AS base\nFROM base\nCOPY --from=alpine:3.20 / /\n", name: "a stage built on a scratch stage" },
    { code: "FROM golang:1.23 AS build\nFROM scratch AS binaries\nCOPY --from=build /out/ /\nFROM alpine:3.20\nCOPY --link --from=binaries / /\n", name: "corpus: an export stage built FROM scratch" },
    { code: "FROM --platform=$BUILDPLATFORM tonistiigi/xx AS xx\nFROM golang:1.23\nCOPY --from=xx / /\n", name: "corpus: a helper image through a stage" },
    { code: "FROM golang:1.23\nCOPY --from=gloursdocker/docker:latest / /\n", name: "corpus: a helper image by name" },
    { code: "FROM golang:1.23\nCOPY --from=acme/tools:1 / /\n", options: { images: ["acme/tools"] }, name: "a configured helper image" },
    { code: "ARG BUILD_FROM\nFROM ${BUILD_FROM} AS build\nRUN make\nFROM ${BUILD_FROM}\nCOPY --from=build / /\n", name: "corpus: flattening onto the same base" },
  ],
  invalid: [
    {
      code: "FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build / /\n",
      errors: [{ message: "COPY --from=build / / copies the entire filesystem of 'build' into this stage: a duplicate of every file, in one layer. Copy only the paths the image needs.", line: 3, column: 19, endLine: 3, endColumn: 20, aliases: ["DL3067"] }],
    },
    {
      name: "JSON form and an image",
      code: "FROM alpine:3.20\nCOPY --from=busybox:1 [\"/\", \"/\"]\n",
      errors: [{ messageId: "whole", line: 2, column: 24, endColumn: 27 }],
    },
    {
      name: "inside ONBUILD",
      code: "FROM alpine:3.20\nONBUILD COPY --from=x:1 / /\n",
      errors: [{ messageId: "whole", line: 2, column: 25, endColumn: 26 }],
    },
    {
      name: "a stage on another base",
      code: "FROM python:3.11-slim AS python\nFROM mcr.microsoft.com/dotnet/runtime-deps:6.0\nCOPY --from=python [ \"/\", \"/\" ]\n",
      errors: [{ messageId: "whole", line: 3, column: 22, endColumn: 25 }],
    },
    {
      name: "a helper image list replaced by the option",
      code: "FROM golang:1.23\nCOPY --from=tonistiigi/xx / /\n",
      options: { images: [] },
      errors: [{ messageId: "whole", line: 2, column: 27, endColumn: 28 }],
    },
  ],
});
