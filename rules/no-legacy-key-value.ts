import type { Dockerfile, KeyValue } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import type { TextEdit } from "../src/engine/types.js";
import { instructionsOfType } from "./_support/instructions.js";

/** True when BuildKit's `parseWords` reads `text` as a single word (no whitespace outside quotes). */
function isOneWord(text: string, escape: Dockerfile["escapeChar"]): boolean {
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "" && /\s/.test(c)) return false;
    if (c === escape && quote !== "'") i++;
    else if (quote === "" && (c === "'" || c === '"')) quote = c;
    else if (c === quote) quote = "";
  }
  return quote === "";
}

/** The edits that turn `key value` into `key=value` (or `key="value"`) with the same meaning, when there is such a spelling. */
function toEquals(pair: KeyValue, escape: Dockerfile["escapeChar"]): TextEdit[] | undefined {
  const value = pair.value.value;
  const separator: TextEdit = { range: [pair.key.range[1], pair.value.range[0]], text: "=" };
  if (isOneWord(value, escape)) return [separator];
  if (/["']/.test(value) || value.includes(escape)) return undefined;
  return [{ ...separator, text: '="' }, { range: [pair.value.range[1], pair.value.range[1]], text: '"' }];
}

export default defineRule({
  meta: {
    id: "no-legacy-key-value",
    description: "Require the key=value form in ENV and LABEL",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ["LegacyKeyValueFormat"],
    messages: {
      legacy: "\"{{keyword}} key=value\" should be used instead of legacy \"{{keyword}} key value\" format.",
    },
    docs: {
      why: "`ENV key value` sets one variable to the whole rest of the line, spaces included; `ENV key=value other=x` sets several. Mixing the two forms reads ambiguously (`ENV A b=c` sets A to `b=c`), and the whitespace form is deprecated: BuildKit warns about it.",
      bad: ["FROM alpine\nENV PATH /opt/bin:$PATH\n", "FROM alpine\nLABEL description An example image\n"],
      good: ["FROM alpine\nENV PATH=/opt/bin:$PATH\n", "FROM alpine\nLABEL description=\"An example image\"\n"],
      notes: "The fix writes `key=value` when the value is one word, and `key=\"value\"` when it has spaces but no quotes or escape characters (which double quotes would change); otherwise no fix is offered.",
      references: ["https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["ENV", "LABEL"], "with-triggers")) {
      for (const pair of instruction.pairs) {
        if (pair.form !== "legacy") continue;
        const edits = toEquals(pair, context.ast.escapeChar);
        context.report({ messageId: "legacy", data: { keyword: instruction.type }, node: pair, fix: edits === undefined ? undefined : { edits } });
      }
    }
  },
});
