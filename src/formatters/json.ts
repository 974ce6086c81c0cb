/**
 * The JSON format: the documented, versioned lint result contract.
 */
import type { Finding, LintResult } from "../engine/types.js";
import { toJson } from "./json-text.js";
import type { Formatter } from "./types.js";

/**
 * `LintResult[]` as one line of JSON (contract version `LINT_RESULT_FORMAT_VERSION`), without the
 * `source` texts and with every control character escaped:
 *
 * ```ts
 * Array<{
 *   filePath: string;                        // as given or found, not made relative
 *   findings: Array<{
 *     ruleId: string | null;                 // null for a parse error
 *     aliases: string[];                     // ids of the same check in other tools
 *     severity: "error" | "warning" | "info";
 *     message: string;
 *     line: number; column: number;          // 1-based, UTF-16 columns
 *     endLine: number; endColumn: number;    // end exclusive
 *     range: [start: number, end: number];   // UTF-16 offsets, end exclusive
 *     fix?: { safety: "safe" | "unsafe"; edits: Array<{ range: [number, number]; text: string }> };
 *   }>;
 * }>
 * ```
 *
 * Only these properties are written, so the output stays the contract whatever else the objects carry.
 *
 * @example
 * ```ts
 * const results = JSON.parse(json(lintResults, context)) as LintResult[];
 * ```
 */
export const json: Formatter = (results) => `${toJson(results.map(contractResult))}\n`;

function contractResult(result: LintResult): LintResult {
  return { filePath: result.filePath, findings: result.findings.map(contractFinding) };
}

function contractFinding(finding: Finding): Finding {
  const { ruleId, aliases, severity, message, line, column, endLine, endColumn, range, fix } = finding;
  const contract = { ruleId, aliases, severity, message, line, column, endLine, endColumn, range };
  return fix === undefined ? contract : { ...contract, fix };
}
