/** `--explain <rule>`: a rule's documentation page in the terminal. */
import type { RuleModule } from "../engine/rule.js";
import { renderRuleDoc } from "../engine/rule-docs.js";
import { didYouMean } from "../engine/suggest.js";
import { rulesNamed } from "./rule-descriptions.js";

/**
 * The documentation of the rules `name` (an id or an alias) names, or an error message.
 *
 * @example
 * ```ts
 * explainRule("DL3020", allRules); // { ok: true, text: "# prefer-copy\n\n..." }
 * ```
 */
export function explainRule(name: string, rules: readonly RuleModule<never>[]): { ok: true; text: string } | { ok: false; message: string } {
  const named = rulesNamed(name, rules);
  if (named.length === 0) {
    return { ok: false, message: `unknown rule "${name}"${didYouMean(name, rules.flatMap((r) => [r.meta.id, ...r.meta.aliases]))}` };
  }
  return { ok: true, text: named.map((rule) => renderRuleDoc(rule)).join("\n") };
}
