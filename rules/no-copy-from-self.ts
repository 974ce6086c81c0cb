import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "no-copy-from-self",
    description: "Disallow COPY --from and RUN --mount from= naming the stage they are in",
    category: "multi-stage",
    severity: "error",
    fixable: "none",
    aliases: ["DL3023", "DS-0006"],
    messages: {
      self: "'{{name}}' is the stage this instruction is in: a stage cannot copy or mount from itself, so the build fails. Copy within the stage with RUN cp, or name another stage.",
    },
    docs: {
      why: "A stage is not built yet while its own instructions run, so BuildKit rejects `COPY --from=<own stage>` (and a mount from it) as a reference to a stage that is not defined before. It usually means a stage was renamed or copy-pasted.",
      bad: ["FROM node:22 AS build\nCOPY --from=build /app/dist /dist\n", "FROM golang:1.23 AS build\nRUN --mount=from=build,target=/src go build\n"],
      good: ["FROM node:22 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n"],
      notes: "Stage names match case-insensitively and by index, as BuildKit resolves `--from`.",
      references: ["https://docs.docker.com/build/building/multi-stage/", "https://github.com/hadolint/hadolint/wiki/DL3023"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    for (const edge of model.graph.edges) {
      if (edge.onbuild || edge.kind === "from" || edge.target !== edge.stage) continue;
      context.report({
        messageId: "self",
        data: { name: edge.reference.value },
        node: edge.reference,
        aliases: edge.kind === "copy" ? ["DL3023", "DS-0006"] : [],
      });
    }
  },
});
