import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "no-duplicate-stage-name",
    description: "Disallow two stages with the same name",
    category: "multi-stage",
    severity: "error",
    fixable: "none",
    aliases: ["DL3024", "DuplicateStageName", "DS-0012", "CKV_DOCKER_11"],
    messages: {
      duplicate: "Stage name '{{name}}' is already used by the stage on line {{line}}: `FROM {{name}}` and `COPY --from={{name}}` then depend on where they are, which is easy to get wrong.",
    },
    docs: {
      why: "BuildKit accepts duplicate stage names but resolves them differently: `FROM name` picks the closest earlier stage, `COPY --from=name` the last one in the file. A copy-pasted stage name makes a build silently copy from, or build on, the wrong stage.",
      bad: ["FROM node:22 AS build\nRUN npm ci\nFROM golang:1.23 AS build\nRUN go build\n", "FROM alpine:3.20 AS Base\nFROM alpine:3.20 AS base\n"],
      good: ["FROM node:22 AS web\nFROM golang:1.23 AS api\nFROM alpine:3.20\nCOPY --from=web /app /web\nCOPY --from=api /app /api\n"],
      notes: "Names are compared as BuildKit stores them, lower-cased.",
      references: ["https://docs.docker.com/reference/build-checks/duplicate-stage-name/", "https://github.com/hadolint/hadolint/wiki/DL3024"],
    },
    since: "0.1.0",
  },
  check(context) {
    const first = new Map<string, number>();
    for (const stage of context.model.stages) {
      if (stage.name === undefined || stage.nameWord === undefined) continue;
      const earlier = first.get(stage.name);
      if (earlier === undefined) first.set(stage.name, stage.from.loc.start.line);
      else context.report({ messageId: "duplicate", data: { name: stage.name, line: earlier }, node: stage.nameWord });
    }
  },
});
