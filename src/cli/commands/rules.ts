/** `dockerlint rules [--format text|json|markdown]`: the list of rules with their metadata. */
import { parseArgs } from "node:util";
import { allRules } from "../../../rules/index.js";
import { renderRuleIndex } from "../../engine/rule-docs.js";
import { describeRule } from "../rule-descriptions.js";
import type { CommandIO } from "../main.js";

const RULES_USAGE = `Usage: dockerlint rules [--format text|json|markdown]

Lists the rules: id, default severity, fix, aliases in other tools, description.
  --format text       an aligned table (default)
  --format json       an array of rule descriptions, with each rule's options schema
  --format markdown   the rules index page (docs/rules/README.md)`;

const FORMATS = ["text", "json", "markdown"];

/**
 * Runs the `rules` command; returns the exit code.
 *
 * @example
 * ```ts
 * runRules(["--format", "json"], io); // prints [{"id":"prefer-copy",...}]
 * ```
 */
export function runRules(argv: readonly string[], io: CommandIO): number {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { format: { type: "string", short: "f", default: "text" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (error) {
    io.err(`dockerlint rules: ${(error as Error).message}\n\n${RULES_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(RULES_USAGE + "\n");
    return 0;
  }
  if (!FORMATS.includes(values.format)) {
    io.err(`dockerlint rules: unknown format "${values.format}" (expected ${FORMATS.join(", ")})\n`);
    return 2;
  }
  const rules = io.rules ?? allRules;
  if (values.format === "markdown") {
    io.out(renderRuleIndex(rules));
    return 0;
  }
  if (values.format === "json") {
    const described = rules.map((rule) => ({ ...describeRule(rule), options: rule.meta.schema ?? null }));
    io.out(JSON.stringify(described, null, 2) + "\n");
    return 0;
  }
  const rows = rules.map((rule) => {
    const d = describeRule(rule);
    return [d.id, d.defaultSeverity, d.fixable === "none" ? "" : `fix:${d.fixable}`, d.aliases.join(","), d.description];
  });
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column].length), 0));
  for (const row of rows) io.out(row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join("  ").trimEnd() + "\n");
  return 0;
}
