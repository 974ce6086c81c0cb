import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "require-base-image-digest",
    description: "Require base images to be pinned by digest",
    category: "base-image",
    severity: "off",
    fixable: "none",
    aliases: [],
    messages: {
      noDigest: "Base image '{{image}}' is not pinned by digest: a tag can be moved to other content. Add '@sha256:…' to build from exactly the image you reviewed.",
    },
    docs: {
      why: "Tags are mutable: `node:22.11` is rebuilt for security fixes and can be re-pushed by anyone who controls the repository. Only a digest names exact content, which makes builds reproducible and protects against a compromised or overwritten tag. Tools like Renovate and Dependabot keep digests up to date.",
      bad: ["FROM node:22.11-alpine\n"],
      good: [
        "FROM node:22.11-alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n",
        "FROM node:22@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5 AS build\nFROM build\n",
        "FROM scratch\n",
        "ARG BASE\nFROM ${BASE}\n",
      ],
      notes: "Off by default: digests need an update process (Renovate, Dependabot) to not fall behind on security fixes, which not every project has. No surveyed linter has this check; it is the strict form of `require-base-image-tag` and `no-latest-tag`. Images whose name has variables without a known value are left alone; `scratch` and earlier stages are not images.",
      references: ["https://docs.docker.com/reference/dockerfile/#from", "https://docs.docker.com/build/building/best-practices/#pin-base-image-versions"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const stage of context.model.stages) {
      const image = stage.from.image;
      if (image === undefined || stage.base.kind !== "image" || stage.base.ref === undefined) continue;
      if (stage.base.ref.digest === undefined) context.report({ messageId: "noDigest", data: { image: stage.base.name }, node: image });
    }
  },
});
