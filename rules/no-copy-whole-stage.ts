import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "no-copy-whole-stage",
    description: "Disallow copying the whole filesystem of another stage or image",
    category: "layer-hygiene",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3067"],
    appliesInOnbuild: true,
    messages: {
      whole: "COPY --from={{from}} / / copies the entire filesystem of '{{from}}' into this stage: a duplicate of every file, in one layer. Copy only the paths the image needs.",
    },
    docs: {
      why: "Copying `/` to `/` from another stage duplicates its whole filesystem (OS files, caches, build tools) into one new layer on top of the current base, which defeats the point of a multi-stage build and can double the image size. If the whole filesystem is what you want, build FROM that stage instead.",
      bad: ["FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build / /\n"],
      good: ["FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n", "FROM scratch AS rootfs\nFROM rootfs\n"],
      notes: "Sources and destination are compared after variable expansion and quote removal.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3067", "https://docs.docker.com/build/building/multi-stage/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    for (const instruction of model.ast.instructions) {
      const copy = instruction.type === "ONBUILD" ? instruction.trigger : instruction;
      if (copy?.type !== "COPY" || copy.destination === undefined) continue;
      const from = copy.flags.find((f) => f.name.value === "from")?.value;
      if (from === undefined || model.resolve(copy.destination, copy).value !== "/") continue;
      const root = copy.sources.find((source) => model.resolve(source, copy).value === "/");
      if (root !== undefined) context.report({ messageId: "whole", data: { from: from.value }, node: root });
    }
  },
});
