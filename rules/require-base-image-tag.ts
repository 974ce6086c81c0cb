import { defineRule } from "../src/engine/rule.js";

/** The last path component of a FROM image as written, when it has no variable: tag and digest live there. */
function literalLastComponent(image: string): string | undefined {
  const last = image.slice(image.lastIndexOf("/") + 1);
  return last.includes("$") ? undefined : last;
}

export default defineRule({
  meta: {
    id: "require-base-image-tag",
    description: "Require an explicit tag or digest on base images",
    category: "base-image",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3006", "DS-0001", "CKV_DOCKER_7"],
    messages: {
      noTag: "Base image '{{image}}' has no tag, so it means '{{image}}:latest', which changes under you. Pin a version tag (or a digest).",
    },
    docs: {
      why: "An image without a tag is `:latest`: whatever was pushed last. Two builds of the same Dockerfile then start from different images, and a new major version of the base can break the build, or worse, the running service, without any change on your side.",
      bad: ["FROM ubuntu\nRUN apt-get update\n", "ARG BASE=node\nFROM ${BASE}\n"],
      good: [
        "FROM ubuntu:24.04\n",
        "FROM alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n",
        "FROM golang:1.23 AS build\nFROM build\n",
        "FROM scratch\n",
        "ARG BASE=node:22\nFROM ${BASE}\n",
        "ARG BASE\nFROM ${BASE}\n",
      ],
      notes: "Variables in FROM are expanded against the global ARGs first, so `ARG BASE=node:22` + `FROM $BASE` is fine and `ARG BASE=node` + `FROM $BASE` is reported (hadolint reports every ARG-based FROM: hadolint#219, #979, #858). An image whose tag position holds a variable without a known value (`FROM node:$VERSION`, `FROM $BASE` with `ARG BASE` and no default) is left alone. `scratch` and earlier stages are not images from a registry.",
      references: ["https://docs.docker.com/reference/dockerfile/#from", "https://github.com/hadolint/hadolint/wiki/DL3006"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const stage of context.model.stages) {
      const image = stage.from.image;
      if (image === undefined || stage.base.kind !== "image") continue;
      const { ref, unresolved, name } = stage.base;
      if (ref !== undefined) {
        if (ref.tag === undefined && ref.digest === undefined) context.report({ messageId: "noTag", data: { image: name }, node: image });
        continue;
      }
      if (unresolved.length === 0) continue; // an invalid reference: valid-base-image-reference says why
      const last = literalLastComponent(image.value);
      if (last !== undefined && !last.includes(":") && !image.value.includes("@")) {
        context.report({ messageId: "noTag", data: { image: image.value }, node: image });
      }
    }
  },
});
