/**
 * SARIF 2.1.0, the format GitHub code scanning and other security dashboards import.
 */
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LintResult, RuleDescription, Severity } from "../engine/types.js";
import { PARSE_ERROR_RULE_ID, ruleIdOf } from "./findings.js";
import { fingerprintFindings } from "./fingerprint.js";
import { toJson } from "./json-text.js";
import { displayPath } from "./paths.js";
import type { FormatContext, Formatter } from "./types.js";

type Level = "error" | "warning" | "note" | "none";

const SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const LEVELS: Readonly<Record<Severity | "off", Level>> = {
  error: "error",
  warning: "warning",
  info: "note",
  off: "none",
};
const FIXES: Readonly<Record<RuleDescription["fixable"], string>> = {
  safe: "Fixable with `--fix`.",
  unsafe: "Fixable with `--unsafe-fixes`.",
  none: "",
};

/**
 * A SARIF 2.1.0 log with one run: `tool.driver` lists the rules that occur (sorted by id, with
 * descriptions, `helpUri` = `docsBaseUrl` + `docsPath`, help text, default level and the category
 * and aliases as tags), and each finding becomes a result with its rule index, level (info →
 * `note`), message, region in UTF-16 columns, a `%SRCROOT%`-relative artifact URI (`cwd` being the
 * source root) and a line-independent `primaryLocationLineHash` (see {@link fingerprintFindings}).
 * Parse errors use the rule id `parse-error`.
 *
 * @example
 * ```ts
 * writeFileSync("dockerlint.sarif", sarif(results, context)); // then upload with github/codeql-action/upload-sarif
 * ```
 */
export const sarif: Formatter = (results, context) => {
  const ruleIds = [...new Set(results.flatMap((result) => result.findings.map(ruleIdOf)))].sort();
  const ruleIndexes = new Map(ruleIds.map((id, index) => [id, index]));
  const log = {
    $schema: SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "dockerlint",
            version: context.toolVersion,
            informationUri: docsUrl("README.md", context),
            rules: ruleIds.map((id) => ruleDescriptor(id, context)),
          },
        },
        columnKind: "utf16CodeUnits",
        results: results.flatMap((result) => sarifResults(result, ruleIndexes, context)),
      },
    ],
  };
  return `${toJson(log, 2)}\n`;
};

function ruleDescriptor(id: string, context: FormatContext): object {
  const rule = context.rules.get(id);
  if (rule === undefined) {
    const parseError = id === PARSE_ERROR_RULE_ID;
    return {
      id,
      shortDescription: { text: parseError ? "The Dockerfile could not be parsed." : `Rule ${id}.` },
      defaultConfiguration: { level: parseError ? "error" : "warning" },
    };
  }
  const helpUri = docsUrl(rule.docsPath, context);
  const aliases = rule.aliases.length === 0 ? "" : `Also known as ${rule.aliases.join(", ")}.`;
  const details = [`Category: ${rule.category}.`, aliases, FIXES[rule.fixable]].filter((text) => text !== "");
  return {
    id,
    shortDescription: { text: rule.description },
    fullDescription: { text: [rule.description, ...details].join(" ") },
    helpUri,
    help: {
      text: [rule.description, ...details, `Documentation: ${helpUri}`].join("\n"),
      markdown: [`**${id}**: ${rule.description}`, ...details, `[Documentation](${helpUri})`].join("\n\n"),
    },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { tags: [...new Set([rule.category, ...rule.aliases])] },
  };
}

function sarifResults(result: LintResult, ruleIndexes: ReadonlyMap<string, number>, context: FormatContext): object[] {
  const path = displayPath(result.filePath, context.cwd);
  const artifactLocation = isAbsolute(path)
    ? { uri: pathToFileURL(resolve(context.cwd, result.filePath)).href }
    : { uri: path.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
  const fingerprints = fingerprintFindings(result, path);
  return result.findings.map((finding, index) => ({
    ruleId: ruleIdOf(finding),
    ruleIndex: ruleIndexes.get(ruleIdOf(finding)),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: fingerprints[index] },
  }));
}

function docsUrl(path: string, context: FormatContext): string {
  const base = context.docsBaseUrl.endsWith("/") ? context.docsBaseUrl : `${context.docsBaseUrl}/`;
  return new URL(path, base).href;
}
