import { posix } from "node:path";
import { defineRule } from "../src/engine/rule.js";
import { contextSources } from "./_support/build-context.js";

export default defineRule({
  meta: {
    id: "no-copy-outside-context",
    description: "Disallow COPY and ADD sources outside the build context",
    category: "instructions",
    severity: "warning",
    fixable: "none",
    aliases: [],
    messages: {
      parent: "Source '{{source}}' points outside the build context: BuildKit cannot read outside it and resolves the path from the context root ('{{inside}}'), so this copies something else or fails. Move the file into the context, or build from a parent folder.",
    },
    docs: {
      why: "COPY and ADD can only read the build context. A source with `../` cannot reach the parent folder: BuildKit cleans the path against the context root, so `../config.yml` silently becomes `config.yml` from the context (or the build fails with 'not found'), which is never what the line says.",
      bad: ["FROM alpine:3.20\nCOPY ../shared/config.yml /etc/app/\n", "FROM alpine:3.20\nWORKDIR /app\nCOPY ../../lib ./lib\n"],
      good: [
        "FROM alpine:3.20\nCOPY shared/config.yml /etc/app/\n",
        "FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /etc/app.conf /etc/\n",
        "FROM alpine:3.20\nCOPY src/../config.yml /etc/app/\n",
        "FROM alpine:3.20\nCOPY /etc/app.conf /etc/\n",
      ],
      notes: "An absolute source (`COPY /etc/app.conf /etc/`) is not reported: BuildKit, like the legacy builder, reads it from the root of the context, so it stays inside, and real Dockerfiles use that form on purpose. Sources of `COPY --from` are paths in another stage or image and are not checked, nor are URLs, git sources and heredocs. Variables are expanded; a source whose value is unknown is left alone. To use files from a parent folder, run the build from that folder (`docker build -f app/Dockerfile .`) or pass it as a named context (`--build-context shared=../shared` and `COPY --from=shared`).",
      references: ["https://docs.docker.com/build/concepts/context/", "https://docs.docker.com/reference/dockerfile/#copy"],
    },
    since: "0.1.0",
  },
  check(context) {
    // Only a path with `..` in it can climb out.
    for (const source of contextSources(context.model, "..")) {
      const { path, word } = source;
      const normal = posix.normalize(path);
      if (normal !== ".." && !normal.startsWith("../")) continue;
      const inside = posix.normalize(`/${path}`).slice(1) || ".";
      context.report({ messageId: "parent", data: { source: word.value, inside }, node: word });
    }
  },
});
