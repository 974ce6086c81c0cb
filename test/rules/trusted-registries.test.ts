import rule from "../../rules/trusted-registries.js";
import { testRule } from "../support/rule-tester.js";

const options = { registries: ["docker.io", "*.gcr.io", "registry.example.com:5000"] };

testRule(rule, {
  valid: [
    { code: "FROM alpine:3.20\n", name: "Docker Hub by default" },
    { code: "FROM docker.io/library/alpine:3.20\n", name: "docker.io written out" },
    { code: "FROM index.docker.io/library/alpine:3.20\n", name: "Docker Hub's legacy name" },
    { code: "FROM eu.gcr.io/project/app:1\n", options, name: "a wildcard subdomain" },
    { code: "FROM registry.example.com:5000/team/app:1\n", options, name: "a host with a port" },
    { code: "FROM REGISTRY.example.com:5000/team/app:1\n", options, name: "hosts compare case-insensitively" },
    { code: "FROM scratch\n", options: { registries: ["ghcr.io"] }, name: "scratch is not pulled" },
    { code: "FROM ghcr.io/a/b:1 AS base\nFROM base\n", options: { registries: ["ghcr.io"] }, name: "a stage is not pulled" },
    { code: "ARG REGISTRY\nFROM ${REGISTRY}/app:1\n", options: { registries: ["ghcr.io"] }, name: "an unknown registry" },
    { code: "FROM quay.io/a/b:1\n", options: { registries: ["*"] }, name: "star allows any" },
    { code: "FROM alpine:3.20 AS tools\nFROM alpine:3.20\nCOPY --from=tools /x /x\nRUN --mount=from=tools,target=/t true\n", name: "stages are not images" },
    { code: "FROM alpine:3.20\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n", name: "a Docker Hub image to copy from" },
  ],
  invalid: [
    {
      code: "FROM quay.io/prometheus/node-exporter:v1.8.2\n",
      errors: [{ message: "Base image 'quay.io/prometheus/node-exporter:v1.8.2' comes from 'quay.io', which is not a trusted registry (docker.io).", line: 1, column: 6, endColumn: 13, aliases: ["DL3026"] }],
    },
    {
      name: "Docker Hub not on the list",
      code: "FROM alpine:3.20\n",
      options: { registries: ["ghcr.io"] },
      errors: [{ messageId: "untrusted", line: 1, column: 6, endColumn: 17 }],
    },
    {
      name: "a wildcard does not match the bare domain",
      code: "FROM gcr.io/project/app:1\n",
      options,
      errors: [{ messageId: "untrusted", line: 1, column: 6, endColumn: 12 }],
    },
    {
      name: "a registry from an ARG default",
      code: "ARG REGISTRY=evil.example.com\nFROM ${REGISTRY}/app:1\n",
      options,
      errors: [{ messageId: "untrusted", line: 2, column: 6, endColumn: 17 }],
    },
    {
      name: "images to copy or mount from",
      code: "FROM alpine:3.20\nCOPY --from=ghcr.io/acme/tools:1 /bin/tool /bin/\nRUN --mount=from=quay.io/x/y:2,target=/y true\n",
      errors: [
        { message: "Image 'ghcr.io/acme/tools:1' (copied or mounted from) comes from 'ghcr.io', which is not a trusted registry (docker.io).", line: 2, column: 13, endColumn: 33, aliases: ["DL3026"] },
        { messageId: "untrustedSource", line: 3, column: 13, endColumn: 41 },
      ],
    },
    {
      name: "an empty list trusts nothing",
      code: "FROM alpine:3.20\n",
      options: { registries: [] },
      errors: [{ message: "Base image 'alpine:3.20' comes from 'docker.io', which is not a trusted registry (none configured).", line: 1, column: 6 }],
    },
  ],
});
