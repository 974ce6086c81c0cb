import { describe, expect, it } from "vitest";
import rule, { looksSecret } from "../../rules/no-secrets-in-arg-env.js";
import { testRule } from "../support/rule-tester.js";

describe("looksSecret", () => {
  it("follows BuildKit's heuristic", () => {
    expect(["API_KEY", "DB_PASSWORD", "github_token", "SECRET", "aws_secret_access_key", "AUTH", "MY_CREDENTIALS", "APIKEY"].every(looksSecret)).toBe(true);
    expect(["MONKEY", "PUBLIC_KEY", "KEYBOARD", "PASSWORD_HASH_PUBLIC", "TOKENIZER", "AUTHOR", "NODE_ENV"].some(looksSecret)).toBe(false);
  });
  it("leaves out public key names, switches and references to secrets (seen in the corpus)", () => {
    expect(["NODE_GPG_KEY", "SWIFT_SIGNING_KEY", "RABBITMQ_PGP_KEY_ID", "ALLOW_EMPTY_PASSWORD", "REDIS_PASSWORD_FILE", "sa_password_path", "DOCKER_AUTH_VERSION"].some(looksSecret)).toBe(false);
  });
});

testRule(rule, {
  valid: [
    "FROM alpine\nENV NODE_ENV=production\nARG VERSION\n",
    { code: "ARG NPM_TOKEN\nFROM node:22\n", name: "meta ARGs are not judged (as BuildKit)" },
    { code: "FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n", name: "a GPG key fingerprint" },
    { code: "FROM alpine\nARG BASE=https://example.com\nARG RELEASE_KEY=${BASE}/release.key\n", name: "a URL to a key (seen in the corpus)" },
    { code: "FROM bitnami/minideb\nENV REDIS_PASSWORD=\"\" GHC_RELEASE_KEY=8C961469C8FDC968718D6245AC7DE836C5DF907D\n", name: "an empty ENV placeholder and a release key fingerprint (seen in the corpus)" },
    { code: "FROM alpine\nARG DEPLOY_KEY\n", options: { allowedNames: ["DEPLOY_KEY"] }, name: "allowedNames" },
  ],
  invalid: [
    {
      code: "FROM node:22\nARG NPM_TOKEN\nENV DB_PASSWORD=x PUBLIC_KEY=y\n",
      errors: [
        { message: "Do not use ARG or ENV instructions for sensitive data (ARG \"NPM_TOKEN\"): values end up in the image's history or config; use a secret mount (RUN --mount=type=secret) instead.", line: 2, column: 5, endColumn: 14, aliases: ["SecretsUsedInArgOrEnv", "DL3064", "DS-0031"] },
        { messageId: "secret", line: 3, column: 5, endColumn: 16 },
      ],
    },
    {
      name: "legacy ENV form and a builder stage",
      code: "FROM alpine AS build\nENV API_KEY abc\nFROM alpine\n",
      errors: [{ messageId: "secret", line: 2, column: 5, endColumn: 12 }],
    },
  ],
});
