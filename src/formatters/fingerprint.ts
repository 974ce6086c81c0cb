/**
 * Stable fingerprints that let SARIF and GitLab consumers track a finding across commits.
 */
import type { LintResult } from "../engine/types.js";
import { ruleIdOf } from "./findings.js";
import { flaggedText, splitLines } from "./source-lines.js";

/**
 * One fingerprint per finding of `result`, in the order of `result.findings`: the SHA-256 hex of
 * the rule id, the file's display path and the trimmed text of the flagged lines (the message when
 * the source is unknown), never the line number, so a finding keeps its fingerprint when lines are
 * added above it. Identical findings are told apart by their occurrence index in file order,
 * appended from the second occurrence on.
 *
 * @example
 * ```ts
 * const [first] = fingerprintFindings(result, "app/Dockerfile"); // "9f86d0…"
 * ```
 */
export function fingerprintFindings(result: LintResult, path: string): string[] {
  const lines = result.source === undefined ? undefined : splitLines(result.source);
  const byPosition = result.findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => a.finding.line - b.finding.line || a.finding.column - b.finding.column);
  const occurrences = new Map<string, number>();
  const fingerprints: string[] = [];
  for (const { finding, index } of byPosition) {
    const identity = [ruleIdOf(finding), path, flaggedText(lines, finding) ?? finding.message].join("\0");
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    fingerprints[index] = sha256(occurrence === 0 ? identity : `${identity}\0${occurrence}`);
  }
  return fingerprints;
}

/** SHA-256 in hex; node:crypto is loaded on first use, since loading it costs every CLI run ~4 ms. */
function sha256(text: string): string {
  return process.getBuiltinModule("node:crypto").createHash("sha256").update(text).digest("hex");
}
