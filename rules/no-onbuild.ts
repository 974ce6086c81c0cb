import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";

/** Triggers BuildKit rejects: no-invalid-onbuild-trigger reports those. */
const INVALID_TRIGGERS = new Set(["ONBUILD", "FROM", "MAINTAINER"]);

export default defineRule({
  meta: {
    id: "no-onbuild",
    description: "Disallow ONBUILD triggers, which run hidden in downstream builds",
    category: "instructions",
    severity: "info",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      onbuild: "ONBUILD {{trigger}} does nothing in this image: it runs later, at the start of every build that uses this image (or stage) as its base, where the Dockerfile does not show it.",
    },
    docs: {
      why: "An ONBUILD trigger is stored in the image and runs before the first instruction of any Dockerfile that builds FROM it. The downstream Dockerfile does not show it, so its author gets COPY and RUN steps they never wrote, in an order they cannot change. Docker deprecated its `onbuild` official image variants for this reason. Explicit instructions in the downstream Dockerfile are easier to read and to change.",
      bad: ["FROM node:22\nONBUILD COPY package.json /app/\nONBUILD RUN npm ci\n"],
      good: ["FROM node:22\nWORKDIR /app\n"],
      notes: "Information only: ONBUILD has legitimate uses in base images made for a family of builds, where it is documented. Turn the rule off there. Triggers BuildKit rejects (ONBUILD ONBUILD, FROM, MAINTAINER) are reported by `no-invalid-onbuild-trigger` instead.",
      references: ["https://docs.docker.com/reference/dockerfile/#onbuild"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["ONBUILD"], "top-level")) {
      if (instruction.trigger === undefined || INVALID_TRIGGERS.has(instruction.trigger.type)) continue;
      context.report({ messageId: "onbuild", data: { trigger: instruction.trigger.keyword.value.toUpperCase() }, node: instruction.keyword });
    }
  },
});
