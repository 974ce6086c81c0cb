import type { Range } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import type { SemanticModel } from "../src/model/index.js";
import { stageExpansions } from "./_support/variables.js";

/** Whether the model's diagnostics already have this expansion error. */
function reportedByModel(model: SemanticModel, range: Range): boolean {
  return model.diagnostics.some((d) => d.code === "expansion-error" && d.range[0] === range[0] && d.range[1] === range[1]);
}

export default defineRule({
  meta: {
    id: "valid-substitution",
    description: "Disallow variable substitutions and quotes BuildKit cannot expand",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: [],
    messages: {
      invalid: "BuildKit cannot expand this word: {{error}}.",
    },
    docs: {
      why: "BuildKit expands variables itself in COPY, ADD, ENV, LABEL, WORKDIR, USER, VOLUME, EXPOSE and STOPSIGNAL, with a small shell-like lexer that does not know every shell form: `${VAR:=default}`, `${#VAR}`, `${VAR:0:3}` and `${VAR^^}` are errors, and so are an unclosed `${` or quote. Any of them fails the build.",
      bad: ["FROM alpine\nWORKDIR /opt/${APP:=app}\n", "FROM alpine\nLABEL short=${VERSION:0:3}\n", "FROM alpine\nLABEL description=\"unfinished\n"],
      good: ["FROM alpine\nWORKDIR /opt/${APP:-app}\nLABEL v=${VERSION%%.*}\n", "FROM alpine\nRUN echo ${#PATH}\n"],
      notes: "RUN, CMD and ENTRYPOINT are left alone: their shell does the expansion at run time. Errors the semantic model already reports (ENV and ARG values, FROM lines) are not repeated.",
      references: ["https://docs.docker.com/reference/dockerfile/#environment-replacement"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    for (const { expansions } of stageExpansions(model)) {
      for (const { word, expansion } of expansions) {
        if (expansion.error === undefined || reportedByModel(model, word.range)) continue;
        context.report({ messageId: "invalid", data: { error: expansion.error }, node: word });
      }
    }
  },
});
