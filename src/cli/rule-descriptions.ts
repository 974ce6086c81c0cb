/** Rule metadata as the formatters and `dockerlint rules` show it. */
import type { RuleModule } from "../engine/rule.js";
import type { RuleDescription } from "../engine/types.js";

/**
 * Where rule documentation paths (`docs/rules/<id>.md`, shipped in the package) are published.
 *
 * @example
 * ```ts
 * const url = new URL(description.docsPath, DOCS_BASE_URL).href;
 * ```
 */
export const DOCS_BASE_URL = "https://dockerlint.dev/";

/**
 * The description of a rule.
 *
 * @example
 * ```ts
 * describeRule(rulesById.get("prefer-copy")!).docsPath; // "docs/rules/prefer-copy.md"
 * ```
 */
export function describeRule(rule: RuleModule<never>): RuleDescription {
  const { id, description, category, severity, fixable, aliases } = rule.meta;
  return { id, description, category, defaultSeverity: severity, fixable, aliases, docsPath: `docs/rules/${id}.md` };
}

/**
 * Rule descriptions by id, as {@link FormatContext} wants them.
 *
 * @example
 * ```ts
 * const context = { ...rest, rules: describeRules(allRules) };
 * ```
 */
export function describeRules(rules: readonly RuleModule<never>[]): ReadonlyMap<string, RuleDescription> {
  return new Map(rules.map((rule) => [rule.meta.id, describeRule(rule)]));
}

/**
 * The rules an id or alias names (an alias can be shared by several rules); case-insensitive.
 *
 * @example
 * ```ts
 * rulesNamed("DL3020", allRules).map((r) => r.meta.id); // ["prefer-copy"]
 * ```
 */
export function rulesNamed(name: string, rules: readonly RuleModule<never>[]): RuleModule<never>[] {
  const lower = name.toLowerCase();
  const byId = rules.filter((rule) => rule.meta.id === lower);
  return byId.length > 0 ? byId : rules.filter((rule) => rule.meta.aliases.some((alias) => alias.toLowerCase() === lower));
}
