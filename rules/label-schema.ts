import type { Instruction, LabelInstruction } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import { knownValue } from "./_support/variables.js";
import { formatProblem, LABEL_FORMATS, type LabelFormat } from "./_support/label-formats.js";
import { instructionsOfType } from "./_support/instructions.js";
import { imageInstructions, imageStages } from "./_support/target-image.js";
import { flatMap } from "../src/util/arrays.js";

interface Options {
  labels: Record<string, LabelFormat>;
  strict: boolean;
  patterns: Record<string, string>;
  ociFormats: boolean;
}

/** The hadolint id of each value check. */
const FORMAT_ALIAS: Readonly<Record<Exclude<LabelFormat, "text">, string>> = {
  url: "DL3052", rfc3339: "DL3053", spdx: "DL3054", hash: "DL3055", semver: "DL3056", email: "DL3058",
};

/** The pre-defined OCI annotation keys that have a defined format. */
const OCI_FORMATS: Readonly<Record<string, LabelFormat>> = {
  "org.opencontainers.image.created": "rfc3339",
  "org.opencontainers.image.url": "url",
  "org.opencontainers.image.source": "url",
  "org.opencontainers.image.documentation": "url",
  "org.opencontainers.image.licenses": "spdx",
};

function isLabel(instruction: Instruction): instruction is LabelInstruction {
  return instruction.type === "LABEL";
}

/** A user's pattern as a regular expression; undefined when it does not compile. */
function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

export default defineRule<Options>({
  meta: {
    id: "label-schema",
    description: "Enforce a label schema: required labels, value formats, no other labels",
    category: "metadata",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3049", "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3058"],
    messages: {
      missing: "Label '{{label}}' is missing from the image (the label schema requires it).",
      superfluous: "Label '{{label}}' is not in the label schema (strict labels).",
      empty: "Label '{{label}}' is empty.",
      format: "Label '{{label}}' has the value '{{value}}', but {{problem}}.",
      pattern: "Label '{{label}}' has the value '{{value}}', which does not match the pattern /{{pattern}}/.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        labels: {
          type: "object",
          additionalProperties: { enum: [...LABEL_FORMATS] },
          default: {},
          description: "The label schema: each label the image must have, with the format of its value (`text`, `url`, `semver`, `hash`, `rfc3339`, `spdx`, `email`), as hadolint's `label-schema`.",
        },
        strict: { type: "boolean", default: false, description: "Report labels that are not in `labels` (hadolint's `strict-labels`)." },
        patterns: {
          type: "object",
          additionalProperties: { type: "string" },
          default: {},
          description: "A regular expression (JavaScript syntax, unanchored unless you anchor it) that a label's value must match, by label name.",
        },
        ociFormats: {
          type: "boolean",
          default: true,
          description: "Check the formats the OCI image spec defines for its pre-defined keys (`org.opencontainers.image.created`: RFC 3339, `.url`/`.source`/`.documentation`: URL, `.licenses`: SPDX), also when they are not in `labels`.",
        },
      },
    },
    docs: {
      why: "Labels are how registries, scanners and people find out what an image is, where its source lives and under which license it ships. A label with a malformed value (`licenses=Apache 2`, `created=yesterday`) is worse than none: tools silently misread it. A label schema makes the labels every image must carry, and their formats, a checked contract.",
      bad: [
        "FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=\"Apache 2\"\n",
        "FROM alpine:3.20\nLABEL org.opencontainers.image.source=github.com/acme/app\n",
        "FROM alpine:3.20\nLABEL org.opencontainers.image.created=\"2024-13-01\"\n",
      ],
      good: [
        "FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=\"MIT OR Apache-2.0\" \\\n      org.opencontainers.image.source=https://github.com/acme/app\n",
        "ARG CREATED\nFROM alpine:3.20\nARG CREATED\nLABEL org.opencontainers.image.created=$CREATED\n",
      ],
      notes: "Configure a schema as hadolint's `label-schema`: `\"label-schema\": [\"warning\", { \"labels\": { \"org.opencontainers.image.version\": \"semver\", \"org.opencontainers.image.revision\": \"hash\", \"maintainer\": \"email\" }, \"strict\": true }]`. Every label of the schema is required on the target image: a LABEL in the target stage or a stage it is built FROM counts (labels inherited from the base image cannot be seen). Values are checked after variable expansion; a value with a variable of unknown value (a build argument) is left alone. hadolint's git-hash check accepts 7 or 40 hex digits; this one accepts 7 to 40 and 64 (SHA-256 repositories). The SPDX check reads the expression syntax and catches common non-SPDX names (`GPLv3`, `Apache2`, `BSD`), without the full SPDX list. Findings carry the hadolint id of their check, so `# hadolint ignore=DL3049` and `\"DL3056\": \"off\"` work.",
      references: [
        "https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys",
        "https://github.com/hadolint/hadolint#configure",
        "https://spdx.org/licenses/",
      ],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model, options } = context;
    const schema = options.labels ?? {};
    const labels = instructionsOfType(model, ["LABEL"], "top-level");
    const required = Object.keys(schema);
    if (labels.length === 0 && required.length === 0) return;
    const patterns = flatMap(Object.entries(options.patterns ?? {}), ([label, source]) => {
      const regex = compile(source);
      return regex === undefined ? [] : [[label, { source, regex }] as const];
    });
    const patternOf = new Map(patterns);
    for (const label of labels) {
      for (const pair of label.pairs) {
        const key = knownValue(model.resolve(pair.key, label));
        if (key === undefined) continue;
        const format = schema[key] ?? (options.ociFormats ? OCI_FORMATS[key] : undefined);
        if (options.strict && !(key in schema)) context.report({ messageId: "superfluous", data: { label: key }, node: pair.key, aliases: ["DL3050"] });
        const pattern = patternOf.get(key);
        // Nothing to check in the value of a label the schema, the OCI formats and the patterns leave alone.
        if (format === undefined && pattern === undefined && !(key in schema)) continue;
        const value = knownValue(model.resolve(pair.value, label));
        if (value === undefined) continue;
        if (value === "" && key in schema) {
          context.report({ messageId: "empty", data: { label: key }, node: pair.value.range[0] === pair.value.range[1] ? pair : pair.value, aliases: ["DL3051"] });
          continue;
        }
        const problem = format === undefined || format === "text" || value === "" ? undefined : formatProblem(format, value);
        if (problem !== undefined && format !== undefined && format !== "text") {
          context.report({ messageId: "format", data: { label: key, value, problem }, node: pair.value, aliases: [FORMAT_ALIAS[format]] });
        }
        if (pattern !== undefined && !pattern.regex.test(value)) {
          context.report({ messageId: "pattern", data: { label: key, value, pattern: pattern.source }, node: pair.value, aliases: [] });
        }
      }
    }

    if (required.length === 0) return;
    const target = imageStages(model)[0];
    if (target === undefined) return;
    const present = new Set(flatMap(imageInstructions(model).filter(isLabel), (label) => label.pairs.map((pair) => knownValue(model.resolve(pair.key, label)))));
    if (present.has(undefined)) return; // a key from a variable of unknown value may be any of them
    for (const name of required) {
      if (!present.has(name)) context.report({ messageId: "missing", data: { label: name }, node: target.from.keyword, aliases: ["DL3049"] });
    }
  },
});
