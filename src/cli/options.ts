/**
 * The lint command's options: parsed with `node:util` `parseArgs`, checked, and turned into one
 * typed object, or into one message that names the bad option and suggests the nearest valid one.
 */
import { parseArgs } from "node:util";
import { nearest } from "../engine/suggest.js";
import type { Severity } from "../engine/types.js";
import { FORMAT_NAMES, type FormatName } from "../formatters/index.js";

/**
 * A failure threshold: the least severity that fails the run, or `none`.
 *
 * @example
 * ```ts
 * const threshold: FailureThreshold = "warning";
 * ```
 */
export type FailureThreshold = Severity | "none";

/**
 * Everything the lint command was asked to do.
 *
 * @example
 * ```ts
 * const parsed = parseLintOptions(["-f", "json", "--quiet", "src"]);
 * if (parsed.ok) parsed.options.format; // "json"
 * ```
 */
export interface LintCommandOptions {
  readonly paths: readonly string[];
  readonly config?: string;
  readonly configLookup: boolean;
  readonly format: FormatName;
  readonly outputFile?: string;
  /** `--rule id:severity`, in order. */
  readonly rules: readonly string[];
  readonly quiet: boolean;
  readonly maxWarnings?: number;
  readonly failureThreshold?: FailureThreshold;
  readonly fix: boolean;
  readonly unsafeFixes: boolean;
  readonly fixDryRun: boolean;
  readonly ignorePatterns: readonly string[];
  readonly ignore: boolean;
  readonly printConfig?: string;
  readonly explain?: string;
  /** `--color` / `--no-color`; undefined: decide from the environment. */
  readonly color?: boolean;
  readonly maxFileSize?: number;
  readonly stdinFilename?: string;
  readonly shellcheck: boolean;
  /** Worker threads: a number, or `auto` (undefined). */
  readonly concurrency?: number;
  readonly version: boolean;
  readonly help: boolean;
}

const SPEC = {
  config: { type: "string", short: "c" },
  "no-config-lookup": { type: "boolean" },
  format: { type: "string", short: "f" },
  "output-file": { type: "string", short: "o" },
  rule: { type: "string", multiple: true },
  quiet: { type: "boolean" },
  "max-warnings": { type: "string" },
  "failure-threshold": { type: "string" },
  fix: { type: "boolean" },
  "unsafe-fixes": { type: "boolean" },
  "fix-dry-run": { type: "boolean" },
  "ignore-pattern": { type: "string", multiple: true },
  "no-ignore": { type: "boolean" },
  "print-config": { type: "string" },
  explain: { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  "max-file-size": { type: "string" },
  "stdin-filename": { type: "string" },
  shellcheck: { type: "boolean" },
  concurrency: { type: "string" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

/** Every long option, for suggestions. */
const LONG_OPTIONS: readonly string[] = Object.keys(SPEC).map((name) => `--${name}`);

const THRESHOLDS = ["error", "warning", "info", "none"] as const;

type ParsedValues = ReturnType<typeof parseArgs<{ options: typeof SPEC; allowPositionals: true; strict: true }>>["values"];

/**
 * The parsed options, or the message to print (exit code 2).
 *
 * @example
 * ```ts
 * const parsed: ParsedOptions = { ok: false, message: 'unknown option "--fromat" (did you mean "--format"?)' };
 * ```
 */
export type ParsedOptions = { ok: true; options: LintCommandOptions } | { ok: false; message: string };

function unknownOption(argv: readonly string[]): string | undefined {
  const { tokens } = parseArgs({ args: [...argv], options: SPEC, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option" || token.name in SPEC) continue;
    const suggestion = token.rawName.startsWith("--") ? nearest(token.rawName, LONG_OPTIONS) : undefined;
    return `unknown option "${token.rawName}"${suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`}`;
  }
  return undefined;
}

/** A bad option value; caught in {@link parseLintOptions} and turned into its message. */
class UsageError extends Error {}

function wholeNumber(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`--${name} expects a whole number of at least ${min}, got "${raw}"`);
  return Number(raw);
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
  if (raw === undefined || (allowed as readonly string[]).includes(raw)) return raw as T | undefined;
  const suggestion = nearest(raw, allowed);
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")}; got "${raw}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`);
}

/**
 * Parses the lint command's arguments (without `node` and the script).
 *
 * @example
 * ```ts
 * parseLintOptions(["--fromat", "json"]); // { ok: false, message: 'unknown option "--fromat" (did you mean "--format"?)' }
 * ```
 */
export function parseLintOptions(argv: readonly string[]): ParsedOptions {
  const unknown = unknownOption(argv);
  if (unknown !== undefined) return { ok: false, message: unknown };
  try {
    return { ok: true, options: toOptions(parseArgs({ args: [...argv], options: SPEC, strict: true, allowPositionals: true })) };
  } catch (error) {
    if (error instanceof UsageError || String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
      return { ok: false, message: (error as Error).message };
    }
    throw error;
  }
}

function toOptions(parsed: { values: ParsedValues; positionals: string[] }): LintCommandOptions {
  const v = parsed.values;
  if (v.color && v["no-color"]) throw new UsageError("--color and --no-color cannot be used together");
  return {
    paths: parsed.positionals,
    config: v.config,
    configLookup: !v["no-config-lookup"],
    format: oneOf("format", v.format, FORMAT_NAMES) ?? "stylish",
    outputFile: v["output-file"],
    rules: v.rule ?? [],
    quiet: v.quiet === true,
    maxWarnings: wholeNumber("max-warnings", v["max-warnings"], 0),
    failureThreshold: oneOf("failure-threshold", v["failure-threshold"], THRESHOLDS),
    fix: v.fix === true,
    unsafeFixes: v["unsafe-fixes"] === true,
    fixDryRun: v["fix-dry-run"] === true,
    ignorePatterns: v["ignore-pattern"] ?? [],
    ignore: !v["no-ignore"],
    printConfig: v["print-config"],
    explain: v.explain,
    color: v.color ? true : v["no-color"] ? false : undefined,
    maxFileSize: wholeNumber("max-file-size", v["max-file-size"], 1),
    stdinFilename: v["stdin-filename"],
    shellcheck: v.shellcheck === true,
    concurrency: v.concurrency === "auto" ? undefined : wholeNumber("concurrency", v.concurrency, 1),
    version: v.version === true,
    help: v.help === true,
  };
}
