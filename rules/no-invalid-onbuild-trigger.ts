import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";

/** The triggers BuildKit rejects, with its reason. */
const INVALID: Readonly<Record<string, string>> = {
  ONBUILD: "chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
  FROM: "FROM isn't allowed as an ONBUILD trigger",
  MAINTAINER: "MAINTAINER isn't allowed as an ONBUILD trigger",
};

export default defineRule({
  meta: {
    id: "no-invalid-onbuild-trigger",
    description: "Disallow ONBUILD ONBUILD, ONBUILD FROM, ONBUILD MAINTAINER and flags on ONBUILD",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: ["DL3043"],
    appliesInOnbuild: true,
    messages: {
      trigger: "Invalid ONBUILD trigger: {{reason}}, so the build fails.",
      flag: "ONBUILD takes no flags ('{{flag}}'): the build fails. Put flags after the trigger's keyword (ONBUILD RUN --mount=…).",
    },
    docs: {
      why: "BuildKit refuses to build a Dockerfile with an ONBUILD whose trigger is ONBUILD, FROM or MAINTAINER, or with a flag on ONBUILD itself: those triggers would make no sense in the image that inherits them.",
      bad: ["FROM alpine:3.20\nONBUILD ONBUILD RUN echo hi\n", "FROM alpine:3.20\nONBUILD FROM alpine:3.20\n", "FROM alpine:3.20\nONBUILD --chown=app COPY . /app\n"],
      good: ["FROM alpine:3.20\nONBUILD COPY --chown=app . /app\n"],
      notes: "hadolint's DL3043 covers the three triggers; the flag check follows BuildKit (`unknown flag`), which also rejects them.",
      references: ["https://docs.docker.com/reference/dockerfile/#onbuild", "https://github.com/hadolint/hadolint/wiki/DL3043"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["ONBUILD"], "top-level")) {
      for (const flag of instruction.flags) context.report({ messageId: "flag", data: { flag: flag.text }, node: flag, aliases: [] });
      const trigger = instruction.trigger;
      const reason = trigger === undefined ? undefined : INVALID[trigger.type];
      if (trigger !== undefined && reason !== undefined) {
        context.report({ messageId: "trigger", data: { reason }, node: trigger.keyword });
      }
    }
  },
});
