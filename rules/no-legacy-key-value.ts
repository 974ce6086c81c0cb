import type { Dockerfile, KeyValue, Range } from "../src/ast/nodes.js";
import { isGoSpace } from "../grammar/dockerfile/chars.js";
import { defineRule } from "../src/engine/rule.js";
import type { TextEdit } from "../src/engine/types.js";
import { instructionsOfType } from "./_support/instructions.js";

const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;

/** True when BuildKit's `parseWords` reads `text` as a single word (no whitespace outside quotes). */
function isOneWord(text: string, escape: Dockerfile["escapeChar"]): boolean {
  const escapeCode = escape.charCodeAt(0);
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 0 && isGoSpace(c)) return false;
    if (c === escapeCode && quote !== SINGLE_QUOTE) i++;
    else if (quote === 0 && (c === SINGLE_QUOTE || c === DOUBLE_QUOTE)) quote = c;
    else if (c === quote) quote = 0;
  }
  return quote === 0;
}

/** The edits that turn `key value` into `key=value` (or `key="value"`) with the same meaning, when there is such a spelling. */
function toEquals(pair: KeyValue, escape: Dockerfile["escapeChar"]): TextEdit[] | undefined {
  const value = pair.value.value;
  const between: Range = [pair.key.range[1], pair.value.range[0]];
  if (isOneWord(value, escape)) return [{ range: between, text: "=" }];
  if (/["']/.test(value) || value.includes(escape)) return undefined;
  return [{ range: between, text: '="' }, { range: [pair.value.range[1], pair.value.range[1]], text: '"' }];
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
