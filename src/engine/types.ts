/**
 * The lint result contract shared by the engine, the formatters, the CLI and the library API.
 * The JSON output format (`--format json`) is exactly `LintResult[]`; it is versioned by
 * {@link LINT_RESULT_FORMAT_VERSION}.
 */

/** Version of the JSON output contract; bumped on any incompatible change. */
export const LINT_RESULT_FORMAT_VERSION = 1;

/** Severity of a finding. */
export type Severity = "error" | "warning" | "info";

/** How safe a fix is: safe fixes apply with `--fix`, unsafe ones need `--unsafe-fixes`. */
export type FixSafety = "safe" | "unsafe";

/** A text edit: replace `range` (UTF-16 offsets, end exclusive) with `text`. */
export interface TextEdit {
  readonly range: readonly [start: number, end: number];
  readonly text: string;
}

/** A fix: one or more non-overlapping edits applied together. */
export interface Fix {
  readonly safety: FixSafety;
  readonly edits: readonly TextEdit[];
}

/** One finding of one rule (or a parse error, with `ruleId: null`). Lines and columns are 1-based; ends are exclusive. */
export interface Finding {
  readonly ruleId: string | null;
  /** Ids of the same check in other tools (hadolint `DL3009`, BuildKit `JSONArgsRecommended`, Trivy `DS-0025`, ...). */
  readonly aliases: readonly string[];
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** UTF-16 offsets of the span, end exclusive. */
  readonly range: readonly [start: number, end: number];
  readonly fix?: Fix;
}

/** The findings of one file. */
export interface LintResult {
  /** The path as given or found (the formatters make it relative where needed). */
  readonly filePath: string;
  readonly findings: readonly Finding[];
  /** The text that was linted, for code frames; omitted from JSON output. */
  readonly source?: string;
}

/** The rule categories, in documentation order. */
export type RuleCategory =
  | "base-image"
  | "package-managers"
  | "layer-hygiene"
  | "shell"
  | "instructions"
  | "multi-stage"
  | "security"
  | "metadata";

/** What formatters and docs need to know about a rule. */
export interface RuleDescription {
  readonly id: string;
  readonly description: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity | "off";
  readonly fixable: FixSafety | "none";
  readonly aliases: readonly string[];
  /** Path of the rule's documentation page inside the package, e.g. `docs/rules/no-package-cache.md`. */
  readonly docsPath: string;
}
