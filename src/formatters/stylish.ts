/**
 * The default, human-readable format.
 */
import { styleText } from "node:util";
import type { Finding, LintResult, Severity } from "../engine/types.js";
import { codeFrame } from "./code-frame.js";
import { countSeverities, describeCounts, ruleIdOf, worstSeverity } from "./findings.js";
import { displayPath } from "./paths.js";
import { splitLines } from "./source-lines.js";
import type { Formatter } from "./types.js";
import { makeVisible } from "./visible-text.js";

type Style = "bold" | "dim" | "underline" | "red" | "yellow" | "blue";
type Paint = (style: Style, text: string) => string;

const SEVERITY_STYLES: Readonly<Record<Severity, Style>> = { error: "red", warning: "yellow", info: "blue" };
const SEVERITY_WIDTH = "warning".length;

/**
 * Per file with findings: the path relative to `cwd` (underlined), then per finding
 * `line:column  severity  message  rule-id` followed by a code frame of the flagged lines; last a
 * summary `✖ N problems (E errors, W warnings, I infos)`. Empty when there are no findings.
 * Colours (via `node:util` `styleText`) only when `context.color`; control characters in messages
 * and source are shown as control pictures (`␛`), so output never carries escape codes of its own.
 *
 * @example
 * ```ts
 * process.stdout.write(stylish(results, { ...context, color: process.stdout.isTTY }));
 * // Dockerfile
 * //   1:6  warning  Pin the base image version  no-latest-tag
 * //     1 | FROM ubuntu:latest
 * //       |      ^^^^^^^^^^^^^
 * //
 * // ✖ 1 problem (0 errors, 1 warning, 0 infos)
 * ```
 */
export const stylish: Formatter = (results, context) => {
  const paint: Paint = context.color
    ? (style, text) => styleText(style, text, { validateStream: false })
    : (_, text) => text;
  const files = results.filter((result) => result.findings.length > 0);
  if (files.length === 0) return "";
  const blocks = files.map((result) => fileBlock(result, displayPath(result.filePath, context.cwd), paint));
  const counts = countSeverities(files);
  const summaryStyle = SEVERITY_STYLES[worstSeverity(counts) ?? "info"];
  const summary = paint("bold", paint(summaryStyle, `✖ ${describeCounts(counts)}`));
  return `${blocks.join("\n")}\n${summary}\n`;
};

function fileBlock(result: LintResult, path: string, paint: Paint): string {
  const lines = result.source === undefined ? undefined : splitLines(result.source);
  const locationWidth = Math.max(...result.findings.map((finding) => location(finding).length));
  const rows = result.findings.flatMap((finding) => [
    findingRow(finding, locationWidth, paint),
    ...(lines === undefined ? [] : frameRows(lines, finding, paint)),
  ]);
  return [paint("underline", makeVisible(path)), ...rows, ""].join("\n");
}

function findingRow(finding: Finding, locationWidth: number, paint: Paint): string {
  const severity = paint(SEVERITY_STYLES[finding.severity], finding.severity.padEnd(SEVERITY_WIDTH));
  const where = paint("dim", location(finding).padEnd(locationWidth));
  return `  ${where}  ${severity}  ${makeVisible(finding.message)}  ${paint("dim", ruleIdOf(finding))}`;
}

function location(finding: Finding): string {
  return `${finding.line}:${finding.column}`;
}

function frameRows(lines: readonly string[], finding: Finding, paint: Paint): string[] {
  const rows = codeFrame(lines, finding);
  const gutterWidth = String(finding.endLine).length;
  const gutter = (label: string): string => paint("dim", `    ${label.padStart(gutterWidth)} |`);
  return rows.flatMap((row) => [
    `${gutter(row.lineNumber === undefined ? "" : String(row.lineNumber))} ${row.code}`.trimEnd(),
    ...(row.marker === "" ? [] : [`${gutter("")} ${paint(SEVERITY_STYLES[finding.severity], row.marker)}`]),
  ]);
}
