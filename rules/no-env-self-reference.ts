import { defineRule } from "../src/engine/rule.js";
import { expandText } from "../src/model/index.js";
import { withTriggers } from "./_support/instructions.js";
import { referencedNames, referenceRange } from "./_support/variables.js";

export default defineRule({
  meta: {
    id: "no-env-self-reference",
    description: "Disallow referring in an ENV to a variable the same ENV defines",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: ["DL3044"],
    messages: {
      sameEnv: "${{name}} refers to {{name}}, which this ENV defines earlier: BuildKit expands it to the value from before this instruction ({{before}}), not to the new one.",
    },
    docs: {
      why: "All pairs of one ENV instruction are expanded against the environment from before the instruction. In `ENV A=1 B=$A`, B does not get 1 but A's previous value, usually nothing: a surprise that goes unnoticed until something breaks.",
      bad: ["FROM alpine\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n"],
      good: ["FROM alpine\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n", "FROM alpine\nENV PATH=/opt/bin:$PATH\n"],
      notes: "A pair that refers to its own name (`ENV PATH=/x:$PATH`) is fine: it extends the previous value on purpose. Splitting the ENV in two is usually the fix; it changes the value, so it is not applied automatically.",
      references: ["https://docs.docker.com/reference/dockerfile/#environment-replacement", "https://github.com/hadolint/hadolint/wiki/DL3044"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    const escape = context.ast.escapeChar;
    for (const instruction of withTriggers(context.ast.instructions)) {
      if (instruction.type !== "ENV") continue;
      const defined = new Set<string>();
      for (const pair of instruction.pairs) {
        for (const name of referencedNames(pair.value.value, escape)) {
          if (!defined.has(name)) continue;
          const before = context.model.scopeAt(instruction).variable(name);
          const previous = before === undefined ? "unset here" : before.value === undefined ? "unknown here" : JSON.stringify(before.value);
          context.report({ messageId: "sameEnv", data: { name, before: previous }, range: referenceRange(context.source, pair.value.range, name) });
        }
        defined.add(expandText(pair.key.value, context.model.scopeAt(instruction), escape, "word").value);
      }
    }
  },
});
