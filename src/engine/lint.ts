/**
 * `lint()`: parse, analyze (unless given the model), run the enabled rules, apply severities, aliases and pragmas, and
 * return the findings of one Dockerfile in the JSON output's shape.
 */
import { LineIndex } from "../ast/line-index.js";
import type { Range } from "../ast/nodes.js";
import { analyze, type AnalyzeOptions, type SemanticModel } from "../model/index.js";
import { parseIndexed } from "../parse.js";
import { allRules } from "../../rules/index.js";
import { aliasSeverity, effectiveRule, type DockerlintConfig, type EffectiveRule } from "./config.js";
import { readPragmas, suppresses } from "./pragmas.js";
import type { RuleContext, RuleModule, RuleReport } from "./rule.js";
import type { Finding, Fix, LintResult, Severity } from "./types.js";
import { compareCodeUnits } from "../util/text.js";

/** Options of {@link lint}. */
export interface LintOptions {
  /**
   * The configuration (already loaded and validated); default: every rule at its default severity.
   * Treated as immutable: what it enables is worked out once per config object and reused.
   */
  readonly config?: DockerlintConfig;
  /** The file's path, reported in the result and used by rules that look next to the file. */
  readonly filePath?: string;
  /** The rules to run (default: all of dockerlint's rules). */
  readonly rules?: readonly RuleModule<never>[];
  /** Options for the semantic model (build args, target stage). */
  readonly analyze?: AnalyzeOptions;
  /**
   * The semantic model of this very text, when the caller already has it (to plan the same file,
   * say): lint then neither parses nor analyses again, and {@link analyze} is not used.
   */
  readonly model?: SemanticModel;
}

/**
 * Message templates split at their `{{ key }}` placeholders, in threes: literal text, the whole
 * placeholder, its key. Templates come from rule metadata, so the cache stays small; it is bounded
 * all the same.
 */
const templateParts = new Map<string, readonly string[]>();
const TEMPLATE_CACHE_LIMIT = 2000;

function format(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (data === undefined || !template.includes("{{")) return template;
  let parts = templateParts.get(template);
  if (parts === undefined) {
    parts = template.split(/(\{\{\s*(\w+)\s*\}\})/);
    if (templateParts.size < TEMPLATE_CACHE_LIMIT) templateParts.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 3) out += (parts[i + 1] in data ? String(data[parts[i + 1]]) : parts[i]) + parts[i + 2];
  return out;
}

/**
 * Line and column lookups in one text, through the parser's line index when lint parsed the text,
 * else through one built on the first lookup (a file without findings needs none). A finding's
 * positions are read without making position objects.
 */
class Positions {
  #lines: LineIndex | undefined;

  /** `lines`: the text's line index when the parser already built it. */
  constructor(private readonly text: string, lines?: LineIndex) {
    this.#lines = lines;
  }

  get lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.text));
  }

  finding(ruleId: string | null, severity: Severity, message: string, range: Range, aliases: readonly string[], fix?: Fix): Finding {
    const lines = this.lines;
    const startLine = lines.lineOf(range[0]);
    const endLine = lines.lineOf(range[1]);
    const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
      ruleId,
      aliases,
      severity,
      message,
      line: startLine + 1,
      column: range[0] - lines.lineStart(startLine) + 1,
      endLine: endLine + 1,
      endColumn: range[1] - lines.lineStart(endLine) + 1,
      range,
    };
    if (fix !== undefined) finding.fix = fix;
    return finding;
  }
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1] || compareCodeUnits(a.ruleId ?? "", b.ruleId ?? "");
}

/** The config with `shellcheck: true` turned into the `shellcheck` rule's severity (unless the rule is set). */
function withShellcheck(config: DockerlintConfig): DockerlintConfig {
  if (config.shellcheck !== true || config.rules?.shellcheck !== undefined) return config;
  return { ...config, rules: { ...config.rules, shellcheck: "warning" } };
}

/** A rule that may report under a config, with its effective severity and options. */
interface ActiveRule {
  readonly rule: RuleModule<Record<string, unknown>>;
  readonly setting: EffectiveRule;
  /**
   * The rule's `check`, read once: rule modules are objects of many shapes, and reading `check`
   * off each of them for every file is a megamorphic property load.
   */
  readonly check: RuleModule<Record<string, unknown>>["check"];
}

/** Active rules per rule list and config: the same config lints many files. */
const activeRulesCache = new WeakMap<readonly RuleModule<never>[], WeakMap<DockerlintConfig, readonly ActiveRule[]>>();
const DEFAULT_CONFIG: DockerlintConfig = {};

/** The rules of `rules` that may report under `config` (on, or one of their aliases configured). */
function activeRules(rules: readonly RuleModule<never>[], config: DockerlintConfig): readonly ActiveRule[] {
  let byConfig = activeRulesCache.get(rules);
  if (byConfig === undefined) activeRulesCache.set(rules, (byConfig = new WeakMap()));
  let active = byConfig.get(config);
  if (active === undefined) {
    const effective = withShellcheck(config);
    active = rules.flatMap((rule) => {
      const setting = effectiveRule(rule, effective);
      const mayReport = setting.severity !== "off" || rule.meta.aliases.some((a) => effective.rules?.[a] !== undefined);
      const module = rule as RuleModule<Record<string, unknown>>;
      return mayReport ? [{ rule: module, setting, check: module.check }] : [];
    });
    byConfig.set(config, active);
  }
  return active;
}

/**
 * Lints one Dockerfile. Synchronous and never throws on any input: parse errors come back as
 * findings with `ruleId: null`.
 *
 * @example
 * ```ts
 * const { findings } = lint("FROM alpine\nRUN apk add curl\n");
 * findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`); // ["2:5 no-package-cache", ...]
 * ```
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = withShellcheck(options.config ?? DEFAULT_CONFIG);
  let model = options.model;
  let lines: LineIndex | undefined;
  if (model === undefined) {
    const parsed = parseIndexed(text);
    lines = parsed.lines;
    model = analyze(parsed.result, options.analyze);
  }
  const positions = new Positions(text, lines);
  const pragmas = readPragmas(model.ast);
  const findings: Finding[] = [];

  for (const d of model.parseDiagnostics) {
    if (d.severity === "error") findings.push(positions.finding(null, "error", d.message, d.range, []));
  }

  const active = activeRules(options.rules ?? allRules, options.config ?? DEFAULT_CONFIG);
  if (active.length === 0) return finish(text, options, model, positions, findings);
  // One context for every rule in turn (91 objects and closures a file otherwise): `current` is the rule running.
  let current = active[0];
  const report = (r: RuleReport): void => {
    const { rule, setting } = current;
    const range = r.range ?? r.node?.range;
    if (range === undefined) return;
    const aliases = r.aliases ?? rule.meta.aliases;
    const severity = aliasSeverity(aliases, config) ?? setting.severity;
    if (severity === "off") return;
    if (pragmas.length > 0 && pragmas.some((p) => suppresses(p, rule.meta.id, aliases, range[0]))) return;
    const template = rule.meta.messages[r.messageId] ?? r.messageId;
    const fix = r.fix ? { safety: r.fix.safety ?? (rule.meta.fixable === "unsafe" ? "unsafe" : "safe"), edits: r.fix.edits } : undefined;
    findings.push(positions.finding(rule.meta.id, severity, format(template, r.data), range, aliases, fix));
  };
  const context: { -readonly [K in keyof RuleContext]: RuleContext[K] } = {
    source: text,
    ast: model.ast,
    model,
    options: current.setting.options,
    filePath: options.filePath,
    position: (offset) => positions.lines.position(offset),
    report,
  };
  for (const rule of active) {
    current = rule;
    context.options = rule.setting.options;
    try {
      rule.check.call(rule.rule, context);
    } catch (error) {
      findings.push(positions.finding(rule.rule.meta.id, "error", `Internal error in rule ${rule.rule.meta.id}: ${(error as Error).message}`, [0, 0], []));
    }
  }
  return finish(text, options, model, positions, findings);
}

/** Adds the model's build errors and sorts the findings into the result. */
function finish(text: string, options: LintOptions, model: SemanticModel, positions: Positions, findings: Finding[]): LintResult {
  // Build errors of the semantic model, unless a rule already reports that very span (with its aliases).
  if (model.diagnostics.length > 0) {
    const ruleSpans = new Set<string>();
    for (const f of findings) if (f.ruleId !== null) ruleSpans.add(`${f.range[0]}:${f.range[1]}`);
    for (const d of model.diagnostics) {
      if (!ruleSpans.has(`${d.range[0]}:${d.range[1]}`)) findings.push(positions.finding(null, d.severity, d.message, d.range, []));
    }
  }
  findings.sort(compareFindings);
  return { filePath: options.filePath ?? "<text>", findings, source: text };
}
