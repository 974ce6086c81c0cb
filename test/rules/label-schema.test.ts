import rule from "../../rules/label-schema.js";
import { testRule } from "../support/rule-tester.js";

const schema = {
  labels: {
    "org.opencontainers.image.version": "semver",
    "org.opencontainers.image.revision": "hash",
    maintainer: "email",
    "org.opencontainers.image.created": "rfc3339",
    "org.opencontainers.image.url": "url",
    "org.opencontainers.image.licenses": "spdx",
    description: "text",
  },
};
const complete =
  "LABEL org.opencontainers.image.version=1.4.0-rc.1+build.5 org.opencontainers.image.revision=0a1b2c3 maintainer=jane.doe@example.com \\\n" +
  "      org.opencontainers.image.created=2024-05-01T12:00:00.5+02:00 org.opencontainers.image.url=https://example.com/app \\\n" +
  "      org.opencontainers.image.licenses=\"(MIT OR Apache-2.0) AND LicenseRef-Acme\" description=\"An app\"\n";

testRule(rule, {
  valid: [
    "FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=\"MIT OR Apache-2.0\" org.opencontainers.image.source=https://github.com/acme/app\n",
    { code: "FROM alpine:3.20\nLABEL anything=goes\n", name: "no schema: only the OCI formats" },
    { code: `FROM alpine:3.20\n${complete}`, options: { ...schema, strict: true }, name: "every label of the schema, well-formed" },
    { code: `FROM alpine:3.20 AS base\n${complete}FROM base\nRUN true\n`, options: schema, name: "labels of the stage the image is built FROM" },
    { code: "ARG CREATED\nFROM alpine:3.20\nARG CREATED\nLABEL org.opencontainers.image.created=$CREATED\n", name: "a value from a build argument" },
    { code: "FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=\"GPL-2.0-only WITH Classpath-exception-2.0\"\n", name: "WITH an exception" },
    { code: "FROM alpine:3.20\nLABEL org.opencontainers.image.created=2024-05-01\n", options: { ociFormats: false }, name: "OCI formats switched off" },
    { code: "FROM alpine:3.20\nLABEL team=web-42\n", options: { patterns: { team: "^[a-z]+-\\d+$" } }, name: "a matching pattern" },
    { code: "FROM alpine:3.20\nLABEL team=x\n", options: { patterns: { team: "([" } }, name: "an invalid pattern is ignored" },
    { code: "FROM alpine:3.20\nARG K\nLABEL ${K}=x\n", options: { labels: { maintainer: "text" } }, name: "a key of unknown value may be the required one" },
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=\"Apache 2\"\n",
      errors: [{ message: "Label 'org.opencontainers.image.licenses' has the value 'Apache 2', but it is not an SPDX license expression (identifiers such as 'MIT' or 'Apache-2.0', joined by AND, OR, WITH).", line: 2, column: 41, endLine: 2, endColumn: 51, aliases: ["DL3054"] }],
    },
    {
      name: "a well-known non-SPDX name",
      code: "FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=GPLv3\n",
      errors: [{ message: "Label 'org.opencontainers.image.licenses' has the value 'GPLv3', but 'GPLv3' is not an SPDX identifier (did you mean 'GPL-3.0-only'?).", line: 2, column: 41, endColumn: 46 }],
    },
    {
      name: "OCI URL and date formats",
      code: "FROM alpine:3.20\nLABEL org.opencontainers.image.source=github.com/acme/app org.opencontainers.image.created=\"2024-02-30T10:00:00Z\"\n",
      errors: [
        { messageId: "format", line: 2, column: 39, endColumn: 58, aliases: ["DL3052"] },
        { message: "Label 'org.opencontainers.image.created' has the value '2024-02-30T10:00:00Z', but it is not an RFC 3339 date and time (e.g. 2024-05-01T12:00:00Z).", line: 2, column: 92, endColumn: 114, aliases: ["DL3053"] },
      ],
    },
    {
      name: "missing labels are reported on the target's FROM",
      code: "FROM golang:1.23 AS build\nLABEL maintainer=jane@example.com\nFROM alpine:3.20\nRUN true\n",
      options: { labels: { maintainer: "email", description: "text" } },
      errors: [
        { message: "Label 'maintainer' is missing from the image (the label schema requires it).", line: 3, column: 1, endColumn: 5, aliases: ["DL3049"] },
        { message: "Label 'description' is missing from the image (the label schema requires it).", line: 3, column: 1, endColumn: 5, aliases: ["DL3049"] },
      ],
    },
    {
      name: "strict labels",
      code: "FROM alpine:3.20\nLABEL maintainer=jane@example.com team=web\n",
      options: { labels: { maintainer: "email" }, strict: true },
      errors: [{ message: "Label 'team' is not in the label schema (strict labels).", line: 2, column: 35, endColumn: 39, aliases: ["DL3050"] }],
    },
    {
      name: "empty and malformed values of the schema",
      code: "FROM alpine:3.20\nLABEL maintainer=\"\" org.opencontainers.image.version=v1.2 org.opencontainers.image.revision=main maintainer=jane\n",
      options: { labels: { maintainer: "email", "org.opencontainers.image.version": "semver", "org.opencontainers.image.revision": "hash" } },
      errors: [
        { message: "Label 'maintainer' is empty.", line: 2, column: 18, endColumn: 20, aliases: ["DL3051"] },
        { messageId: "format", line: 2, column: 54, endColumn: 58, aliases: ["DL3056"] },
        { messageId: "format", line: 2, column: 93, endColumn: 97, aliases: ["DL3055"] },
        { messageId: "format", line: 2, column: 109, endColumn: 113, aliases: ["DL3058"] },
      ],
    },
    {
      name: "a custom pattern",
      code: "FROM alpine:3.20\nLABEL team=Web\n",
      options: { patterns: { team: "^[a-z]+$" } },
      errors: [{ message: "Label 'team' has the value 'Web', which does not match the pattern /^[a-z]+$/.", line: 2, column: 12, endColumn: 15, aliases: [] }],
    },
  ],
});
