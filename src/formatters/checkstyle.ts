/**
 * Checkstyle XML, read by Jenkins (warnings-ng), reviewdog and many code review tools.
 */
import type { Finding } from "../engine/types.js";
import { ruleIdOf } from "./findings.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";
import { escapeXmlAttribute, XML_DECLARATION } from "./xml.js";

/**
 * A checkstyle 4.3 document with a `<file name="…">` per result (paths relative to `cwd`, files
 * without findings included) holding an `<error line column severity message source="dockerlint.<rule>"/>`
 * per finding.
 *
 * @example
 * ```ts
 * checkstyle(results, context);
 * // <?xml version="1.0" encoding="UTF-8"?>
 * // <checkstyle version="4.3">
 * //   <file name="Dockerfile">
 * //     <error line="1" column="6" severity="warning" message="Pin the version" source="dockerlint.no-latest-tag"/>
 * //   </file>
 * // </checkstyle>
 * ```
 */
export const checkstyle: Formatter = (results, context) => {
  const files = results.flatMap((result) => [
    `  <file name="${escapeXmlAttribute(displayPath(result.filePath, context.cwd))}">`,
    ...result.findings.map(errorElement),
    "  </file>",
  ]);
  return [XML_DECLARATION, '<checkstyle version="4.3">', ...files, "</checkstyle>", ""].join("\n");
};

function errorElement(finding: Finding): string {
  const attributes = {
    line: finding.line,
    column: finding.column,
    severity: finding.severity,
    message: finding.message,
    source: `dockerlint.${ruleIdOf(finding)}`,
  };
  const list = Object.entries(attributes).map(([name, value]) => `${name}="${escapeXmlAttribute(String(value))}"`);
  return `    <error ${list.join(" ")}/>`;
}
