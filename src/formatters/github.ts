/**
 * GitHub Actions workflow commands, which GitHub shows as annotations on the changed lines.
 */
import type { Finding, Severity } from "../engine/types.js";
import { ruleIdOf } from "./findings.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";
import { makeVisible } from "./visible-text.js";

const COMMANDS: Readonly<Record<Severity, string>> = { error: "error", warning: "warning", info: "notice" };

/**
 * One `::error|warning|notice file=…,line=…,col=…,endLine=…,endColumn=…,title=dockerlint (rule)::text`
 * line per finding (`col` and `endColumn` left out for spans over several lines), paths relative to
 * `cwd`, with the escaping the Actions runner undoes.
 *
 * @example
 * ```ts
 * github(results, context);
 * // "::warning file=Dockerfile,line=1,col=6,endLine=1,endColumn=19,title=dockerlint (no-latest-tag)::Pin the version\n"
 * ```
 */
export const github: Formatter = (results, context) =>
  results
    .flatMap((result) => {
      const file = displayPath(result.filePath, context.cwd);
      return result.findings.map((finding) => annotation(file, finding));
    })
    .map((line) => `${line}\n`)
    .join("");

function annotation(file: string, finding: Finding): string {
  const position =
    finding.line === finding.endLine
      ? { line: finding.line, col: finding.column, endLine: finding.endLine, endColumn: finding.endColumn }
      : { line: finding.line, endLine: finding.endLine };
  const properties = { file, ...position, title: `dockerlint (${ruleIdOf(finding)})` };
  const list = Object.entries(properties).map(([name, value]) => `${name}=${escapeProperty(String(value))}`);
  return `::${COMMANDS[finding.severity]} ${list.join(",")}::${escapeData(finding.message)}`;
}

/**
 * Escapes a workflow command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`; other control
 * characters, which the runner would pass on to the log, become control pictures (ESC → `␛`).
 *
 * @example
 * ```ts
 * escapeData("100%\ndone\u001b[0m"); // "100%25%0Adone␛[0m"
 * ```
 */
export function escapeData(text: string): string {
  return makeVisible(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/**
 * Escapes a workflow command's property value: as {@link escapeData}, and `:` → `%3A`, `,` → `%2C`.
 *
 * @example
 * ```ts
 * escapeProperty("a,b:c"); // "a%2Cb%3Ac"
 * ```
 */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
