import { defineRule } from "../src/engine/rule.js";
import { hasImageInstruction, imageStages } from "./_support/target-image.js";

export default defineRule({
  meta: {
    id: "require-user",
    description: "Require a USER instruction in the target image",
    category: "security",
    severity: "off",
    fixable: "none",
    aliases: ["DS-0002", "CKV_DOCKER_3"],
    messages: {
      missing: "The target image sets no USER, so it runs as its base image's user, usually root: add USER with an unprivileged user.",
    },
    docs: {
      why: "Without a USER instruction the container runs as whatever user the base image chose, which for most images is root.",
      bad: ["FROM node:22\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n"],
      good: ["FROM node:22\nCOPY . /app\nUSER node\nCMD [\"node\", \"/app/server.js\"]\n"],
      notes: "Off by default: many base images already run as an unprivileged user (distroless `nonroot` variants, Bitnami, Chainguard, many vendor images), and a linter cannot see the base image's configuration, so the rule would be wrong for them. Turn it on where your base images run as root. The USER may come from any stage of the target's chain (`FROM <stage>`).",
      references: ["https://docs.docker.com/build/building/best-practices/#user"],
    },
    since: "0.1.0",
  },
  check(context) {
    const [target] = imageStages(context.model);
    if (target === undefined || hasImageInstruction(context.model, "USER")) return;
    context.report({ messageId: "missing", node: target.from.keyword });
  },
});
