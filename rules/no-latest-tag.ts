import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "no-latest-tag",
    description: "Disallow the latest tag on base images",
    category: "base-image",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3007", "DS-0001", "CKV_DOCKER_7"],
    messages: {
      latest: "Base image '{{image}}' uses the tag 'latest', which moves with every release. Pin a version tag (or add a digest).",
    },
    docs: {
      why: "`latest` is just the tag that was pushed last. Builds stop being reproducible, a rebuild can silently pull a new major version, and nobody can tell which base a running image was built from.",
      bad: ["FROM node:latest\n", "ARG TAG=latest\nFROM python:${TAG}\n"],
      good: [
        "FROM node:22.11-alpine\n",
        "FROM node:latest@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n",
        "ARG TAG\nFROM python:${TAG}\n",
      ],
      notes: "A digest pins the image, so `image:latest@sha256:…` is accepted (as hadolint does). Variables are expanded against the global ARGs; a tag whose value is unknown is left alone. An image without any tag is `require-base-image-tag`'s.",
      references: ["https://docs.docker.com/reference/dockerfile/#from", "https://github.com/hadolint/hadolint/wiki/DL3007"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const stage of context.model.stages) {
      const image = stage.from.image;
      if (image === undefined || stage.base.kind !== "image" || stage.base.ref === undefined) continue;
      const { ref, name } = stage.base;
      if (ref.tag?.value !== "latest" || ref.digest !== undefined) continue;
      const node = image.tag?.value === "latest" ? image.tag : image;
      context.report({ messageId: "latest", data: { image: name }, node });
    }
  },
});
