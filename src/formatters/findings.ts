/**
 * Facts about findings that several formats share: the shown rule id, the lines a span covers,
 * and the severity counts.
 */
import type { Finding, LintResult, Severity } from "../engine/types.js";

/**
 * The rule id the formats show for parse errors (findings with `ruleId: null`).
 *
 * @example
 * ```ts
 * const isParseError = ruleIdOf(finding) === PARSE_ERROR_RULE_ID;
 * ```
 */
export const PARSE_ERROR_RULE_ID = "parse-error";

/**
 * The rule id to show for a finding: its own, or {@link PARSE_ERROR_RULE_ID} for a parse error.
 *
 * @example
 * ```ts
 * ruleIdOf({ ...finding, ruleId: null }); // "parse-error"
 * ```
 */
export function ruleIdOf(finding: Finding): string {
  return finding.ruleId ?? PARSE_ERROR_RULE_ID;
}

/**
 * The last line that holds a character of the span. A span whose exclusive end is column 1 of a
 * later line ends on the line before it.
 *
 * @example
 * ```ts
 * lastLineOf({ ...finding, line: 2, endLine: 4, endColumn: 1 }); // 3
 * ```
 */
export function lastLineOf(finding: Finding): number {
  return finding.endLine > finding.line && finding.endColumn <= 1 ? finding.endLine - 1 : finding.endLine;
}

/**
 * How many findings there are of each severity.
 *
 * @example
 * ```ts
 * const counts: SeverityCounts = { error: 1, warning: 0, info: 2 };
 * ```
 */
export type SeverityCounts = Record<Severity, number>;

/**
 * Counts the findings of all `results` by severity.
 *
 * @example
 * ```ts
 * countSeverities(results); // { error: 1, warning: 2, info: 0 }
 * ```
 */
export function countSeverities(results: readonly LintResult[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const result of results) for (const finding of result.findings) counts[finding.severity] += 1;
  return counts;
}

/**
 * The most severe severity with a non-zero count, or undefined when there are no findings.
 *
 * @example
 * ```ts
 * worstSeverity({ error: 0, warning: 2, info: 1 }); // "warning"
 * ```
 */
export function worstSeverity(counts: SeverityCounts): Severity | undefined {
  return (["error", "warning", "info"] as const).find((severity) => counts[severity] > 0);
}

/**
 * `3 problems (1 error, 2 warnings, 0 infos)`, pluralised.
 *
 * @example
 * ```ts
 * describeCounts({ error: 1, warning: 0, info: 1 }); // "2 problems (1 error, 0 warnings, 1 info)"
 * ```
 */
export function describeCounts(counts: SeverityCounts): string {
  const total = counts.error + counts.warning + counts.info;
  const parts = [plural(counts.error, "error"), plural(counts.warning, "warning"), plural(counts.info, "info")];
  return `${plural(total, "problem")} (${parts.join(", ")})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
