/**
 * GitLab Code Quality reports (`artifacts:reports:codequality`).
 */
import type { Severity } from "../engine/types.js";
import { lastLineOf, ruleIdOf } from "./findings.js";
import { fingerprintFindings } from "./fingerprint.js";
import { toJson } from "./json-text.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";

const SEVERITIES: Readonly<Record<Severity, string>> = { info: "info", warning: "minor", error: "major" };

/**
 * A Code Quality JSON array, one issue per finding:
 * `{ description, check_name, fingerprint, severity, location: { path, lines: { begin, end } } }`,
 * with paths relative to `cwd`, severities info → `info`, warning → `minor`, error → `major`, and
 * line-independent fingerprints (see {@link fingerprintFindings}).
 *
 * @example
 * ```ts
 * writeFileSync("gl-code-quality-report.json", gitlab(results, context));
 * ```
 */
export const gitlab: Formatter = (results, context) => {
  const issues = results.flatMap((result) => {
    const path = displayPath(result.filePath, context.cwd);
    const fingerprints = fingerprintFindings(result, path);
    return result.findings.map((finding, index) => ({
      description: finding.message,
      check_name: ruleIdOf(finding),
      fingerprint: fingerprints[index],
      severity: SEVERITIES[finding.severity],
      location: { path, lines: { begin: finding.line, end: lastLineOf(finding) } },
    }));
  });
  return `${toJson(issues, 2)}\n`;
};
