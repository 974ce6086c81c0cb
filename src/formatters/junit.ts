/**
 * JUnit XML, which most CI systems show as a test report: one test case per linted file.
 */
import type { Finding, LintResult } from "../engine/types.js";
import { countSeverities, describeCounts, ruleIdOf, worstSeverity } from "./findings.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";
import { escapeXmlAttribute, escapeXmlText, XML_DECLARATION } from "./xml.js";

/**
 * A `<testsuites>` document with one `dockerlint` suite and one
 * `<testcase name="<file>" classname="dockerlint">` per result (paths relative to `cwd`). A file without findings passes; a file with findings gets a
 * `<failure message="N problems (…)" type="<worst severity>">` listing them, or an `<error>` of the
 * same shape when one of them is a parse error. The suite counts `tests`, `failures` and `errors`.
 *
 * @example
 * ```ts
 * junit(results, context);
 * // <?xml version="1.0" encoding="UTF-8"?>
 * // <testsuites name="dockerlint" tests="1" failures="1" errors="0">
 * //   <testsuite name="dockerlint" tests="1" failures="1" errors="0">
 * //     <testcase name="Dockerfile" classname="dockerlint">
 * //       <failure message="1 problem (0 errors, 1 warning, 0 infos)" type="warning">1:6  warning  Pin the version  no-latest-tag</failure>
 * //     </testcase>
 * //   </testsuite>
 * // </testsuites>
 * ```
 */
export const junit: Formatter = (results, context) => {
  const outcomes = results.map(outcomeOf);
  const totals = `name="dockerlint" tests="${results.length}" failures="${count(outcomes, "failure")}" errors="${count(outcomes, "error")}"`;
  const cases = results.flatMap((result, index) =>
    testCase(result, outcomes[index], displayPath(result.filePath, context.cwd)),
  );
  return [
    XML_DECLARATION,
    `<testsuites ${totals}>`,
    `  <testsuite ${totals}>`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
};

type Outcome = "pass" | "failure" | "error";

function outcomeOf(result: LintResult): Outcome {
  if (result.findings.length === 0) return "pass";
  return result.findings.some((finding) => finding.ruleId === null) ? "error" : "failure";
}

function count(outcomes: readonly Outcome[], outcome: Outcome): number {
  return outcomes.filter((each) => each === outcome).length;
}

function testCase(result: LintResult, outcome: Outcome, path: string): string[] {
  const open = `    <testcase name="${escapeXmlAttribute(path)}" classname="dockerlint"`;
  if (outcome === "pass") return [`${open}/>`];
  const counts = countSeverities([result]);
  const attributes = `message="${escapeXmlAttribute(describeCounts(counts))}" type="${worstSeverity(counts)}"`;
  const body = escapeXmlText(result.findings.map(findingLine).join("\n"));
  return [`${open}>`, `      <${outcome} ${attributes}>${body}</${outcome}>`, "    </testcase>"];
}

function findingLine(finding: Finding): string {
  return `${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}  ${ruleIdOf(finding)}`;
}
