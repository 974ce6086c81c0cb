import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";

/** Namespaces Docker reserves for its own labels. */
const RESERVED = ["com.docker.", "io.docker.", "org.dockerproject."];

const KEY_CHARACTERS = /^[a-z0-9.-]*$/;
const KEY_START = /^[a-z]/;
const KEY_END = /[a-z0-9]$/;

/** Why a label key breaks Docker's key format; undefined when it follows it. */
function keyProblem(key: string): string | undefined {
  for (const prefix of RESERVED) if (key.startsWith(prefix)) return `the ${prefix}* namespace is reserved for Docker`;
  if (!KEY_CHARACTERS.test(key)) return "keys use only lower-case letters, digits, '.' and '-'";
  if (!KEY_START.test(key)) return "keys start with a lower-case letter";
  if (!KEY_END.test(key)) return "keys end with a lower-case letter or digit";
  if (key.includes("..") || key.includes("--")) return "keys have no consecutive '.' or '-'";
  return undefined;
}

export default defineRule({
  meta: {
    id: "valid-label-key",
    description: "Enforce Docker's format for label keys",
    category: "metadata",
    severity: "info",
    fixable: "none",
    aliases: ["DL3048"],
    appliesInOnbuild: true,
    messages: {
      invalid: "Label key '{{key}}' does not follow Docker's key format: {{reason}}.",
    },
    docs: {
      why: "Docker recommends reverse-DNS label keys in lower case (`org.opencontainers.image.source`, `com.example.team`), so keys from different tools never collide and tools that query labels find them. `com.docker.*`, `io.docker.*` and `org.dockerproject.*` are reserved for Docker itself.",
      bad: ["FROM alpine:3.20\nLABEL Maintainer=\"Jane\"\n", "FROM alpine:3.20\nLABEL com.docker.compose.project=app\n", "FROM alpine:3.20\nLABEL build_date=2024-05-01\n"],
      good: ["FROM alpine:3.20\nLABEL org.opencontainers.image.title=\"app\" com.example.team=web version=1.0\n"],
      notes: "Keys are checked after variable expansion; a key with a variable of unknown value is left alone. The format is hadolint's DL3048 (Docker's guideline: start with a lower-case letter, end with a letter or digit, only `a-z 0-9 . -`, no doubled separators). It is a style guideline: BuildKit accepts any key, hence severity info.",
      references: ["https://docs.docker.com/engine/manage-resources/labels/#key-format-recommendations", "https://github.com/hadolint/hadolint/wiki/DL3048"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    for (const label of instructionsOfType(model, ["LABEL"], "with-triggers")) {
      for (const pair of label.pairs) {
        const key = model.resolve(pair.key, label);
        if (key.unresolved.length > 0 || key.error !== undefined || (!key.expanded && key.value.includes("$"))) continue;
        const reason = keyProblem(key.value);
        if (reason !== undefined) context.report({ messageId: "invalid", data: { key: key.value, reason }, node: pair.key });
      }
    }
  },
});
