import rule from "../../rules/no-undefined-stage-reference.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n",
    { code: "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n", name: "hadolint#197: an image with a tag" },
    { code: "FROM alpine:3.20\nCOPY --from=busybox /bin/busybox /bin/\n", name: "hadolint#859: an untagged image with no similar stage" },
    { code: "FROM alpine:3.20 AS base\nFROM alpine:3.20\nARG SRC=base\nCOPY --from=$SRC /x /x\n", name: "hadolint#933: variables are BuildKit's error, not a typo" },
    { code: "FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=0 /etc/os-release /\n", name: "an index" },
    { code: "FROM golang:1.23 AS Builder\nFROM alpine:3.20\nCOPY --from=BUILDER /app /app\n", name: "names match case-insensitively" },
    { code: "FROM alpine:3.20 AS api\nFROM alpine:3.20\nCOPY --from=ghcr.io/acme/app:1 /x /x\n", name: "a registry path" },
    { code: "FROM alpine:3.20 AS dev\nFROM alpine:3.20\nCOPY --from=node /usr/local/bin/node /usr/local/bin/\n", name: "short names need a one-letter typo" },
    { code: "FROM alpine:3.20 AS build\nCOPY --from=build /a /b\n", name: "a stage naming itself is no-copy-from-self's" },
  ],
  invalid: [
    {
      code: "FROM golang:1.23 AS builder\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n",
      output: "FROM golang:1.23 AS builder\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=builder /app /app\n",
      errors: [{ message: "'buidler' is not a stage of this Dockerfile, so BuildKit pulls it as the image docker.io/library/buidler. Did you mean the stage 'builder'?", line: 4, column: 13, endLine: 4, endColumn: 20, aliases: ["DL3022"] }],
    },
    {
      name: "a stage defined later",
      code: "FROM alpine:3.20\nCOPY --from=assets /dist /www\nFROM node:22 AS assets\n",
      errors: [{ message: "Stage 'assets' is defined later (line 3): a stage can only use stages defined before it, so the build fails.", line: 2, column: 13, endColumn: 19 }],
    },
    {
      name: "a mount from a typo: reported on the mount, no fix",
      code: "FROM golang:1.23 AS deps\nFROM golang:1.23\nRUN --mount=from=dep,target=/go/pkg go build\n",
      errors: [{ messageId: "typo", line: 3, column: 13, endColumn: 36 }],
    },
  ],
});
