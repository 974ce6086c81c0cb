import rule from "../../rules/no-package-cache.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get distclean\n",
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    { name: "yum clean all in the same RUN (the nginx-centos fixture's shape)", code: "FROM centos:7\nRUN yum install -y gcc && make && yum remove -y gcc && yum clean all\n" },
    "FROM fedora:40\nRUN dnf install -y gcc && dnf clean all\n",
    { name: "ENV PIP_NO_CACHE_DIR", code: "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n" },
    { name: "pip cache mount (hadolint#497, #983)", code: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n" },
    { name: "apt tmpfs mount (hadolint#1095)", code: "FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n" },
    { name: "apt cache mount on /var/lib/apt (hadolint#723)", code: "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n" },
    { name: "a build stage the target only copies from", code: "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n" },
    { name: "ignored managers", code: "FROM golang:1.22\nRUN go build -o /app .\n", options: { ignore: ["go"] } },
    { name: "npm cache cleaned", code: "FROM node:20\nRUN npm ci && npm cache clean --force\n" },
    { name: "yarn --version is not an install (corpus: the node images)", code: "FROM debian:12\nRUN tar -xzf yarn.tar.gz -C /opt && yarn --version\n" },
    { name: "apk add --no-network fetches nothing (corpus: the httpd images)", code: "FROM alpine:3.20\nRUN apk add --no-network --virtual .httpd-so-deps $deps\n" },
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
      errors: [{ messageId: "cacheLeft", line: 2, column: 5, endColumn: 19, aliases: ["DL3009"] }],
    },
    {
      name: "apk add gets --no-cache",
      code: "FROM alpine:3.20\nRUN apk add curl && apk add --virtual .deps gcc\n",
      output: "FROM alpine:3.20\nRUN apk add --no-cache curl && apk add --no-cache --virtual .deps gcc\n",
      errors: [{ messageId: "cacheLeft", line: 2, column: 21, endColumn: 28, aliases: ["DL3019", "DS-0025"] }],
    },
    {
      name: "apk update has no safe fix",
      code: "FROM alpine:3.20\nRUN apk update && apk add curl\n",
      errors: [{ messageId: "cacheLeft", line: 2, column: 19, endColumn: 26 }],
    },
    {
      name: "pip install gets --no-cache-dir, also as python -m pip",
      code: "FROM python:3.12\nRUN python -m pip install -U pip && pip install flask\n",
      output: "FROM python:3.12\nRUN python -m pip install --no-cache-dir -U pip && pip install --no-cache-dir flask\n",
      errors: [{ message: "This layer keeps the pip HTTP and wheel cache in /root/.cache/pip: use pip --no-cache-dir or ENV PIP_NO_CACHE_DIR=1, or a cache mount (`RUN --mount=type=cache,target=/root/.cache/pip`).", line: 2, column: 37, endColumn: 48, aliases: ["DL3042"] }],
    },
    {
      name: "cleanup in a later RUN is too late",
      code: "FROM centos:7\nRUN yum install -y httpd\nRUN yum clean all\n",
      errors: [
        {
          message: "This layer keeps the yum repository metadata and package cache in /var/cache/yum; removing /var/cache/yum in the RUN at line 3 does not shrink the image: clean it in the same RUN (yum clean all), or use a cache mount (`RUN --mount=type=cache,target=/var/cache/yum`).",
          line: 2,
          column: 5,
          endColumn: 16,
          aliases: ["DL3032", "DS-0015"],
        },
      ],
    },
    {
      name: "dnf and microdnf",
      code: "FROM fedora:40\nRUN dnf install -y gcc\nFROM registry.access.redhat.com/ubi9-minimal\nRUN microdnf install -y gcc\n",
      errors: [
        { messageId: "cacheLeft", line: 2, column: 5, aliases: ["DL3040", "DS-0019"] },
        { messageId: "cacheLeft", line: 4, column: 5, aliases: ["DL3040", "DS-0027"] },
      ],
    },
    {
      name: "zypper, yarn, npm",
      code: "FROM opensuse/leap\nRUN zypper install -y curl\nRUN yarn install\nRUN npm install\n",
      errors: [
        { messageId: "cacheLeft", line: 2, column: 5, aliases: ["DL3036", "DS-0020"] },
        { messageId: "cacheLeft", line: 3, column: 5, endColumn: 17, aliases: ["DL3060"] },
        { messageId: "cacheLeft", line: 4, column: 5, endColumn: 16, aliases: [] },
      ],
    },
    {
      name: "a heredoc script",
      code: "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n",
      errors: [{ messageId: "cacheLeft", line: 3, column: 1, endColumn: 15 }],
    },
    {
      name: "an ONBUILD trigger",
      code: "FROM python:3.12\nONBUILD RUN pip install -r requirements.txt\n",
      output: "FROM python:3.12\nONBUILD RUN pip install --no-cache-dir -r requirements.txt\n",
      errors: [{ messageId: "cacheLeft", line: 2, column: 13, endColumn: 24 }],
    },
    {
      name: "the stage the target is built FROM ships",
      code: "FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN echo ok\n",
      errors: [{ messageId: "cacheLeft", line: 2, column: 5 }],
    },
    {
      name: "sudo is not part of the range",
      code: "FROM ubuntu:24.04\nRUN sudo apt-get update\n",
      errors: [{ messageId: "cacheLeft", line: 2, column: 10, endColumn: 24 }],
    },
    {
      name: "pragmas by alias",
      code: "FROM alpine:3.20\n# hadolint ignore=DL3019\nRUN apk add curl\nRUN pip install x\n",
      output: "FROM alpine:3.20\n# hadolint ignore=DL3019\nRUN apk add curl\nRUN pip install --no-cache-dir x\n",
      errors: [{ messageId: "cacheLeft", line: 4, column: 5 }],
    },
  ],
});
