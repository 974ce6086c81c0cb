import { defineRule } from "../src/engine/rule.js";
import { expandText, type Scope } from "../src/model/index.js";
import { metaArgScope, platformVariables } from "../src/model/globals.js";
import { parseImageReference } from "../src/model/image-ref.js";

/** Platforms that give the automatic platform ARGs a value, as every real build does. */
const SOME_PLATFORM = { platform: "linux/amd64", buildPlatform: "linux/amd64" };
const SOME_PLATFORM_ARGS = platformVariables(SOME_PLATFORM);

export default defineRule({
  meta: {
    id: "no-invalid-default-arg-in-from",
    description: "Require the default values of global ARGs to give a valid base image name",
    category: "base-image",
    severity: "warning",
    fixable: "none",
    aliases: ["InvalidDefaultArgInFrom"],
    messages: {
      invalid: "Without build arguments, FROM '{{image}}' expands to '{{name}}', which is not a valid image name ({{reason}}). Give the ARG a default value.",
    },
    docs: {
      why: "When a FROM line is built from global ARGs, a build without `--build-arg` uses their defaults. A missing default expands to an empty string, so `FROM alpine:${TAG}` becomes `FROM alpine:` and the build fails with `invalid reference format`. A sensible default keeps the Dockerfile buildable on its own and lets tools that read the Dockerfile (linters, Dependabot, IDEs) know the base image.",
      bad: ["ARG TAG\nFROM alpine:${TAG}\n", "ARG BASE\nFROM ${BASE}\n"],
      good: ["ARG TAG=3.20\nFROM alpine:${TAG}\n", "ARG BASE=node:22\nFROM ${BASE}\n", "FROM alpine:${TARGETARCH:-3.20}\n"],
      notes: "As BuildKit's InvalidDefaultArgInFrom: the global ARGs are evaluated with their defaults only (the automatic platform ARGs always have a value), and the result must parse as an image reference. A FROM whose resolved name is invalid whatever the ARGs say is reported by the build itself (the `invalid-base-image` diagnostic).",
      references: ["https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    let defaults: Scope | undefined;
    for (const stage of model.stages) {
      const image = stage.from.image;
      if (image === undefined || !image.value.includes("$")) continue;
      const base = stage.base;
      if (base.kind === "image" && base.unresolved.length === 0 && base.error !== undefined) continue;
      defaults ??= metaArgScope(model.metaArgs, SOME_PLATFORM_ARGS, SOME_PLATFORM, model.ast.escapeChar);
      const expansion = expandText(image.value, defaults, model.ast.escapeChar, "word");
      if (expansion.error !== undefined) continue;
      // The model parsed the same name already (when the build's values are the defaults).
      if (base.kind === "image" && base.ref !== undefined && base.name === expansion.value) continue;
      const parsed = expansion.value === "" ? { ok: false as const, error: "empty name" } : parseImageReference(expansion.value);
      if (parsed.ok) continue;
      context.report({ messageId: "invalid", data: { image: image.value, name: expansion.value, reason: parsed.error }, node: image });
    }
  },
});
