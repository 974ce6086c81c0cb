import type { EnvInstruction, Word } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import { expandText } from "../src/model/index.js";
import { instructionsOfType } from "./_support/instructions.js";
import { knownValue, referencedNames, referenceRange } from "./_support/variables.js";

/** True when a pair after the first refers to a variable: only then can one refer to a name an earlier pair defines. */
function refersBack(env: EnvInstruction): boolean {
  for (let i = 1; i < env.pairs.length; i++) if (env.pairs[i].value.value.includes("$")) return true;
  return false;
}

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
      notes: "A pair that refers to its own name (`ENV PATH=/x:$PATH`) is fine: it extends the previous value on purpose. Like hadolint, a variable that was already defined before the ENV is fine when the old value is unknown or equals the new one (the common `ARG V` + `ENV V=$V OTHER=$V` re-export); it is reported when the values differ. Splitting the ENV in two is usually the fix; it changes the value, so it is not applied automatically.",
      references: ["https://docs.docker.com/reference/dockerfile/#environment-replacement", "https://github.com/hadolint/hadolint/wiki/DL3044"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    const escape = context.ast.escapeChar;
    for (const instruction of instructionsOfType(model, ["ENV"], "with-triggers")) {
      if (!refersBack(instruction)) continue;
      const scope = model.scopeAt(instruction);
      /** The value word each name gets from this ENV so far. */
      const defined = new Map<string, Word>();
      for (const pair of instruction.pairs) {
        if (defined.size > 0 && pair.value.value.includes("$")) {
          for (const name of referencedNames(pair.value.value, escape)) {
            const word = defined.get(name);
            if (word === undefined) continue;
            const before = scope.variable(name);
            if (before !== undefined && (before.value === undefined || before.value === knownValue(model.resolve(word, instruction)))) continue;
            const previous = before !== undefined ? JSON.stringify(before.value) : scope.closed ? "unset here" : "unset here unless the base image sets it";
            context.report({ messageId: "sameEnv", data: { name, before: previous }, range: referenceRange(context.source, pair.value.range, name) });
          }
        }
        defined.set(expandText(pair.key.value, scope, escape, "word").value, pair.value);
      }
    }
  },
});
