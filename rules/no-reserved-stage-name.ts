import { defineRule } from "../src/engine/rule.js";

/** Names BuildKit gives a meaning of their own: the empty image and the build context. */
const RESERVED = new Set(["scratch", "context"]);

export default defineRule({
  meta: {
    id: "no-reserved-stage-name",
    description: "Disallow the reserved words scratch and context as stage names",
    category: "multi-stage",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3063", "ReservedStageName"],
    messages: {
      reserved: "'{{name}}' is a reserved name and should not be used as a stage name ({{meaning}}).",
    },
    docs: {
      why: "`scratch` is the empty image and `context` names the build context in named contexts (`--build-context`) and `COPY --from`. A stage called like that makes `FROM scratch` or `COPY --from=context` mean something other than what readers, and BuildKit in some places, expect.",
      bad: ["FROM alpine:3.20 AS scratch\n", "FROM node:22 AS context\nRUN npm ci\n"],
      good: ["FROM alpine:3.20 AS base\n", "FROM scratch\n"],
      references: ["https://docs.docker.com/reference/build-checks/reserved-stage-name/"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const stage of context.model.stages) {
      if (stage.name === undefined || stage.nameWord === undefined || !RESERVED.has(stage.name)) continue;
      const meaning = stage.name === "scratch" ? "`FROM scratch` is the empty image" : "`context` names the build context";
      context.report({ messageId: "reserved", data: { name: stage.name, meaning }, node: stage.nameWord });
    }
  },
});
