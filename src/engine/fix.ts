/**
 * Applying fixes: non-overlapping edits in order, re-linting until nothing changes (at most 10
 * passes), never keeping a result that no longer parses or that raises new findings of the
 * rules that fixed it.
 */
import { parse } from "../parse.js";
import { lint, type LintOptions } from "./lint.js";
import type { Finding, LintResult, TextEdit } from "./types.js";

/** Options of {@link fixText}. */
export interface FixOptions extends LintOptions {
  /** Also apply fixes marked unsafe. */
  readonly unsafe?: boolean;
}

/** What {@link fixText} did. */
export interface FixResult {
  /** The fixed text (equal to the input when nothing applied). */
  readonly output: string;
  /** How many fixes were applied over all passes. */
  readonly applied: number;
  /** The findings left after fixing. */
  readonly result: LintResult;
}

const MAX_PASSES = 10;

/** The outcome of {@link applyFixes}. */
export interface AppliedFixes {
  /** The text with the edits applied. */
  readonly output: string;
  /** How many findings' fixes were applied. */
  readonly applied: number;
}

/**
 * Applies the edits of `findings` that do not overlap an earlier one; returns the text and how many fixes applied.
 *
 * @example
 * ```ts
 * const text = "FROM debian:12\nADD app /app\n";
 * applyFixes(text, lint(text).findings, false); // { output: "FROM debian:12\nCOPY app /app\n", applied: 1 }
 * ```
 */
export function applyFixes(text: string, findings: readonly Finding[], unsafe: boolean): AppliedFixes {
  const fixes = findings
    .filter((f) => f.fix !== undefined && (unsafe || f.fix.safety === "safe"))
    .map((f) => [...f.fix!.edits].sort((a, b) => a.range[0] - b.range[0]))
    .sort((a, b) => a[0].range[0] - b[0].range[0]);
  const chosen: TextEdit[] = [];
  let applied = 0;
  let lastEnd = -1;
  for (const edits of fixes) {
    if (edits[0].range[0] < lastEnd) continue;
    if (edits.some((e, i) => i > 0 && e.range[0] < edits[i - 1].range[1])) continue;
    chosen.push(...edits);
    lastEnd = edits[edits.length - 1].range[1];
    applied++;
  }
  let output = "";
  let at = 0;
  for (const edit of chosen) {
    output += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  return { output: output + text.slice(at), applied };
}

function errorCount(text: string): number {
  return parse(text).diagnostics.filter((d) => d.severity === "error").length;
}

/** Counts findings per rule, to detect fixes that create new problems. */
function countByRule(findings: readonly Finding[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * Lints and fixes `text` until it is stable. A pass whose result would not parse, or would raise
 * more findings of a rule that fixed something, is discarded.
 *
 * @example
 * ```ts
 * fixText("FROM alpine\nADD app.js /app/\n").output; // "FROM alpine\nCOPY app.js /app/\n"
 * ```
 */
export function fixText(text: string, options: FixOptions = {}): FixResult {
  let current = text;
  let result = lint(current, options);
  let applied = 0;
  const baseErrors = errorCount(text);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const step = applyFixes(current, result.findings, options.unsafe === true);
    if (step.applied === 0 || step.output === current) break;
    if (errorCount(step.output) > baseErrors) break;
    const next = lint(step.output, options);
    const before = countByRule(result.findings);
    const fixingRules = new Set(result.findings.filter((f) => f.fix).map((f) => f.ruleId));
    const regressed = [...countByRule(next.findings)].some(([rule, n]) => fixingRules.has(rule) && n > (before.get(rule) ?? 0));
    if (regressed) break;
    current = step.output;
    result = next;
    applied += step.applied;
  }
  return { output: current, applied, result };
}
