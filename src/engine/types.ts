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
  /** The text to replace: UTF-16 offsets, end exclusive. */
  readonly range: readonly [start: number, end: number];
  /** The replacement. */
  readonly text: string;
}

/** A fix: one or more non-overlapping edits applied together. */
export interface Fix {
  /** `safe` fixes apply with `--fix`; `unsafe` ones need `--unsafe-fixes`. */
  readonly safety: FixSafety;
  /** The edits, applied together. */
  readonly edits: readonly TextEdit[];
}

/** One finding of one rule (or a parse error, with `ruleId: null`). Lines and columns are 1-based; ends are exclusive. */
export interface Finding {
  /** The rule's id; `null` for parse and build errors. */
  readonly ruleId: string | null;
  /** Ids of the same check in other tools (hadolint `DL3009`, BuildKit `JSONArgsRecommended`, Trivy `DS-0025`, ...). */
  readonly aliases: readonly string[];
  /** `error`, `warning` or `info`. */
  readonly severity: Severity;
  /** What is wrong and what to do, in plain words. */
  readonly message: string;
  /** 1-based line where the span starts. */
  readonly line: number;
  /** 1-based column where the span starts. */
  readonly column: number;
  /** 1-based line where the span ends. */
  readonly endLine: number;
  /** 1-based column just after the span. */
  readonly endColumn: number;
  /** UTF-16 offsets of the span, end exclusive. */
  readonly range: readonly [start: number, end: number];
  /** A fix, when the rule offers one. */
  readonly fix?: Fix;
}

/** The findings of one file. */
export interface LintResult {
  /** The path as given or found (the formatters make it relative where needed). */
  readonly filePath: string;
  /** The findings, sorted by position. */
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
  /** The rule id. */
  readonly id: string;
  /** One line: what the rule enforces. */
  readonly description: string;
  /** The documentation category. */
  readonly category: RuleCategory;
  /** Severity when the config says nothing. */
  readonly defaultSeverity: Severity | "off";
  /** Whether the rule offers fixes, and how safe. */
  readonly fixable: FixSafety | "none";
  /** Ids of the same check in other tools. */
  readonly aliases: readonly string[];
  /** Path of the rule's documentation page inside the package, e.g. `docs/rules/no-package-cache.md`. */
  readonly docsPath: string;
}
