/**
 * Configuration: the `.dockerlintrc.json` file (or a `"dockerlint"` key in `package.json`), its
 * JSON Schema, validation with ajv into clear messages, discovery by walking up from a file, and
 * the effective severity and options of every rule.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { RuleModule } from "./rule.js";
import { didYouMean } from "./suggest.js";
import type { Severity } from "./types.js";

/**
 * A severity as written in a config: `warn` is accepted for `warning`.
 *
 * @example
 * ```ts
 * const setting: SeveritySetting = "warn"; // the same as "warning"
 * ```
 */
export type SeveritySetting = Severity | "off" | "warn";

/**
 * A rule's entry: a severity, or a severity and options.
 *
 * @example
 * ```ts
 * const setting: RuleSetting = ["error", { namedStagesAreTargets: false }]; // no-dead-stage
 * ```
 */
export type RuleSetting = SeveritySetting | readonly [SeveritySetting] | readonly [SeveritySetting, Record<string, unknown>];

/**
 * The configuration file's content.
 *
 * @example
 * ```ts
 * const config: DockerlintConfig = { rules: { "prefer-copy": "error", DL3059: "off" }, ignores: ["vendor/**"], failureThreshold: "warning" };
 * ```
 */
export interface DockerlintConfig {
  /** Path or URL of the JSON Schema, for editors. */
  readonly $schema?: string;
  /**
   * Severity (and options) per rule id; an alias (`DL3008`, `JSONArgsRecommended`) sets the
   * severity of the findings that carry it, and wins over the rule's own entry (it is more specific).
   */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Glob patterns (gitignore syntax) of files not to lint. */
  readonly ignores?: readonly string[];
  /** The least severity that makes the run fail (exit code 1); `none` never fails. Default `error`. */
  readonly failureThreshold?: Severity | "none";
  /** Files larger than this many bytes are skipped with a warning. Default 1 MiB. */
  readonly maxFileSize?: number;
  /** Run RUN scripts through ShellCheck when it is installed (turns the `shellcheck` rule on at `warning` unless `rules` sets it). */
  readonly shellcheck?: boolean;
  /** Known layer counts of base images (`"debian:12": 1`), for the planner. */
  readonly baseImageLayers?: Readonly<Record<string, number>>;
}

/** A rule's effective setting. */
export interface EffectiveRule {
  readonly severity: Severity | "off";
  readonly options: Record<string, unknown>;
}

const SEVERITIES = ["off", "info", "warning", "warn", "error"] as const;

/** Normalises `warn` to `warning`. */
export function normaliseSeverity(setting: SeveritySetting): Severity | "off" {
  return setting === "warn" ? "warning" : setting;
}

/**
 * The JSON Schema of the configuration, with every rule's options; each alias (`DL3008`) is a key
 * of `rules` too. `schema/config.schema.json` is this schema for the built-in rules.
 *
 * @example
 * ```ts
 * const schema = configSchema(allRules);
 * Object.keys(schema.properties as object); // ["$schema", "rules", "ignores", "failureThreshold", "maxFileSize", "shellcheck", "baseImageLayers"]
 * ```
 */
export function configSchema(rules: readonly RuleModule<never>[]): Record<string, unknown> {
  const severity = { enum: [...SEVERITIES] };
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of rules) {
    const options = rule.meta.schema ?? { type: "object", additionalProperties: false, properties: {} };
    ruleProperties[rule.meta.id] = {
      description: rule.meta.description,
      oneOf: [severity, { type: "array", items: [severity, options], minItems: 1, maxItems: 2 }],
    };
  }
  const aliases = [...new Set(rules.flatMap((r) => r.meta.aliases))].sort();
  for (const alias of aliases) {
    if (!(alias in ruleProperties)) ruleProperties[alias] = { description: `Findings that carry the alias ${alias}`, ...severity };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://dockerlint.dev/schema/config.schema.json",
    title: "dockerlint configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      rules: { type: "object", additionalProperties: false, properties: ruleProperties },
      ignores: { type: "array", items: { type: "string" } },
      failureThreshold: { enum: ["error", "warning", "info", "none"] },
      maxFileSize: { type: "integer", minimum: 1 },
      shellcheck: { type: "boolean" },
      baseImageLayers: { type: "object", additionalProperties: { type: "integer", minimum: 0 } },
    },
  };
}

/**
 * The outcome of validating or loading a configuration.
 *
 * @example
 * ```ts
 * const result: ConfigResult = loadConfigFile(".dockerlintrc.json", allRules);
 * if (!result.ok) console.error(result.message);
 * ```
 */
export type ConfigResult =
  | {
      /** The configuration is valid. */
      ok: true;
      /** The validated configuration. */
      config: DockerlintConfig;
      /** The file it was loaded from; absent when an object was validated. */
      path?: string;
    }
  | {
      /** The configuration could not be read, parsed or validated. */
      ok: false;
      /** Why, naming the file (when loaded) and the offending key, e.g. `unknown rule "x" (did you mean "y"?)`. */
      message: string;
    };

const validators = new WeakMap<readonly RuleModule<never>[], ValidateFunction>();

function validatorFor(rules: readonly RuleModule<never>[]): ValidateFunction {
  let validate = validators.get(rules);
  if (validate === undefined) {
    const schema = configSchema(rules);
    validate = new Ajv({ allErrors: true, strictTuples: false, strict: false }).compile(schema);
    validators.set(rules, validate);
  }
  return validate;
}

function describeError(error: ErrorObject, rules: readonly RuleModule<never>[]): string {
  const where = error.instancePath === "" ? "the configuration" : `"${error.instancePath.slice(1).replaceAll("/", ".")}"`;
  if (error.keyword === "additionalProperties") {
    const key = String(error.params.additionalProperty);
    if (error.instancePath === "/rules") {
      const ids = rules.flatMap((r) => [r.meta.id, ...r.meta.aliases]);
      return `unknown rule "${key}"${didYouMean(key, ids)}`;
    }
    const known = Object.keys((configSchema(rules).properties as Record<string, unknown>) ?? {});
    return `unknown key "${key}" in ${where}${error.instancePath === "" ? didYouMean(key, known) : ""}`;
  }
  if (error.keyword === "enum") return `${where} must be one of ${(error.params.allowedValues as string[]).map((v) => `"${v}"`).join(", ")}`;
  return `${where} ${error.message ?? "is invalid"}`;
}

/**
 * Validates a configuration object; messages name the key and suggest the nearest valid one.
 *
 * @example
 * ```ts
 * validateConfig({ rules: { "no-pakage-cache": "off" } }, rules);
 * // { ok: false, message: 'unknown rule "no-pakage-cache" (did you mean "no-package-cache"?)' }
 * ```
 */
export function validateConfig(config: unknown, rules: readonly RuleModule<never>[]): ConfigResult {
  const validate = validatorFor(rules);
  if (validate(config)) return { ok: true, config: config as DockerlintConfig };
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== "oneOf" && e.keyword !== "type" || (validate.errors ?? []).length === 1);
  const first = errors[0] ?? validate.errors?.[0];
  return { ok: false, message: first ? describeError(first, rules) : "invalid configuration" };
}

/** Line and column of an offset in a JSON text, for parse errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/** Parses JSON with an error message that gives the line and column. */
export function parseJsonText(text: string, path: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const at = position ? ` at ${lineColumn(text, Number(position[1]))}` : "";
    const cut = message.indexOf(" in JSON at position");
    return { ok: false, message: `${path}: invalid JSON${at}: ${cut < 0 ? message : message.slice(0, cut)}` };
  }
}

/**
 * Loads and validates a configuration file (`.dockerlintrc.json` or a `package.json` with a `dockerlint` key).
 *
 * @example
 * ```ts
 * loadConfigFile("/repo/package.json", allRules); // { ok: true, config: { rules: { … } }, path: "/repo/package.json" }
 * ```
 */
export function loadConfigFile(path: string, rules: readonly RuleModule<never>[]): ConfigResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { ok: false, message: `cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  const parsed = parseJsonText(text, path);
  if (!parsed.ok) return parsed;
  const value = path.endsWith("package.json") ? (parsed.value as Record<string, unknown>)?.dockerlint : parsed.value;
  const result = validateConfig(value ?? {}, rules);
  return result.ok ? { ...result, path } : { ok: false, message: `${path}: ${result.message}` };
}

/**
 * The config file that applies to `file`: the nearest `.dockerlintrc.json` or `package.json` with a
 * `dockerlint` key, looking in the file's folder and then each parent folder.
 *
 * @example
 * ```ts
 * findConfigFile("/repo/services/api/Dockerfile"); // "/repo/.dockerlintrc.json", or undefined when there is none
 * ```
 */
export function findConfigFile(file: string): string | undefined {
  let dir = resolve(dirname(file));
  for (;;) {
    const rc = join(dir, ".dockerlintrc.json");
    if (existsSync(rc)) return rc;
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as Record<string, unknown>).dockerlint !== undefined) return pkg;
      } catch {
        // an unreadable package.json is not a dockerlint config
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Default values of an options schema's properties. */
function schemaDefaults(rule: RuleModule<never>): Record<string, unknown> {
  const properties = (rule.meta.schema?.properties ?? {}) as Record<string, { default?: unknown }>;
  return Object.fromEntries(Object.entries(properties).filter(([, p]) => p.default !== undefined).map(([k, p]) => [k, p.default]));
}

/** The effective severity and options of `rule` under `config`. */
export function effectiveRule(rule: RuleModule<never>, config: DockerlintConfig): EffectiveRule {
  const setting = config.rules?.[rule.meta.id];
  const defaults = schemaDefaults(rule);
  if (setting === undefined) return { severity: rule.meta.severity, options: defaults };
  if (typeof setting === "string") return { severity: normaliseSeverity(setting as SeveritySetting), options: defaults };
  const [severity, options] = setting as readonly [SeveritySetting, Record<string, unknown>?];
  return { severity: normaliseSeverity(severity), options: { ...defaults, ...options } };
}

/** The severity an alias entry of the config gives, if any of `aliases` is configured. */
export function aliasSeverity(aliases: readonly string[], config: DockerlintConfig): Severity | "off" | undefined {
  for (const alias of aliases) {
    const setting = config.rules?.[alias];
    if (typeof setting === "string") return normaliseSeverity(setting as SeveritySetting);
  }
  return undefined;
}
