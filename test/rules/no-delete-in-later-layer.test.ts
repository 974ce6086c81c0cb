import rule from "../../rules/no-delete-in-later-layer.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    { name: "added and deleted in the same RUN", code: "FROM debian:12\nRUN curl -fsSLo /tmp/x.tgz https://x/x.tgz && tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz\n" },
    { name: "a bind mount instead of COPY", code: "FROM centos:7\nRUN --mount=type=bind,source=software,target=/software,rw make -C /software install\n" },
    { name: "a build stage the target only copies from", code: "FROM golang:1.22 AS build\nCOPY . /src\nRUN go build -C /src -o /app && rm -rf /src\nFROM scratch\nCOPY --from=build /app /app\n" },
    { name: "a small script (below the default minSize)", code: "FROM debian:12\nCOPY setup.sh /tmp/setup.sh\nRUN sh /tmp/setup.sh && rm /tmp/setup.sh\n" },
    { name: "a directory a RUN made", code: "FROM alpine:3.20\nRUN mkdir -p /build\nRUN rm -rf /build\n" },
    { name: "part of a copied folder (opt-in)", code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN rm -rf .git\n" },
    { name: "removals inside system directories are not tied to a COPY there", code: "FROM debian:12\nCOPY rootfs /\nRUN rm -rf /var/log/*\n", options: { includePartial: true } },
    { name: "package caches belong to no-package-cache", code: "FROM debian:12\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n" },
    { name: "key files belong to no-secret-left-in-layer", code: "FROM node:20\nCOPY .npmrc /root/.npmrc\nRUN npm ci && rm /root/.npmrc\n" },
    { name: "unrelated paths", code: "FROM debian:12\nCOPY app /app\nRUN rm -rf /tmp/app\n" },
  ],
  invalid: [
    {
      name: "COPY of a folder deleted later",
      code: "FROM centos:7\nCOPY software /software\nRUN make -C /software install && rm -rf /software\n",
      errors: [
        {
          message: "`/software` is added at line 2 by COPY and deleted by the RUN at line 3: the bytes (a folder of the build context) still ship in the earlier layer; mount it for the RUN that needs it (`RUN --mount=type=bind,…`) instead of copying it.",
          line: 3,
          column: 41,
          endColumn: 50,
          aliases: [],
        },
      ],
    },
    {
      name: "a download deleted by a glob in a later RUN",
      code: "FROM debian:12\nRUN wget -O /tmp/jdk.tgz https://example.com/jdk.tgz\nRUN tar -xzf /tmp/jdk.tgz -C /opt\nRUN rm -rf /tmp/*\n",
      errors: [{ messageId: "deleted", line: 4, column: 12, endColumn: 18 }],
    },
    {
      name: "a relative path under WORKDIR",
      code: "FROM scratch\nWORKDIR /src\nADD https://example.com/tool.tar.gz .\nRUN [\"/busybox\", \"true\"]\nRUN rm tool.tar.gz\n",
      errors: [{ message: "`/src/tool.tar.gz` is added at line 3 by ADD and deleted by the RUN at line 5: the bytes (a downloaded file) still ship in the earlier layer; mount it for the RUN that needs it (`RUN --mount=type=bind,…`) instead of copying it.", line: 5, column: 8, endColumn: 19 }],
    },
    {
      name: "across the FROM chain, from a RUN",
      code: "FROM alpine:3.20 AS base\nRUN git clone https://github.com/a/b /src/b\nFROM base\nRUN rm -rf /src/b\n",
      errors: [{ message: "`/src/b` is added at line 2 by RUN (clone) and deleted by the RUN at line 4: the bytes (a cloned git repository with its history) still ship in the earlier layer; delete it in the RUN that creates it.", line: 4, column: 12, endColumn: 18 }],
    },
    {
      name: "small files with minSize XS",
      code: "FROM debian:12\nCOPY setup.sh /tmp/setup.sh\nRUN sh /tmp/setup.sh && rm /tmp/setup.sh\n",
      options: { minSize: "XS" },
      errors: [{ messageId: "deleted", line: 3, column: 28, endColumn: 41 }],
    },
    {
      name: "part of a copied folder with includePartial",
      code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN rm -rf .git\n",
      options: { includePartial: true },
      errors: [{ message: "`/app/.git` is inside `/app`, added at line 3 by COPY; deleting it in the RUN at line 4 leaves its bytes in the earlier layer; exclude it in .dockerignore, or copy only what the image needs.", line: 4, column: 12, endColumn: 16 }],
    },
    {
      name: "a name without an extension copied into / is the file a later rm names (corpus: extra-packages)",
      code: "FROM ubuntu:24.04\nCOPY extra-packages /\nRUN xargs apt-get install -y < /extra-packages\nRUN rm /extra-packages\n",
      errors: [{ message: "`/extra-packages` is added at line 2 by COPY and deleted by the RUN at line 4: the bytes (a single file) still ship in the earlier layer; mount it for the RUN that needs it (`RUN --mount=type=bind,…`) instead of copying it.", line: 4, column: 8, endColumn: 23 }],
    },
    {
      name: "ONBUILD triggers",
      code: "FROM alpine:3.20\nONBUILD COPY vendor /vendor\nONBUILD RUN make -C /vendor && rm -rf /vendor\n",
      errors: [{ messageId: "deleted", line: 3, column: 39, endColumn: 46 }],
    },
  ],
});
