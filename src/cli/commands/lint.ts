/**
 * The lint command: find the files, read them safely, lint (and fix) them, report in the chosen
 * format, and turn the findings and the run's problems into the exit code.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { allRules } from "../../../rules/index.js";
import type { DockerlintConfig } from "../../engine/config.js";
import type { Finding, LintResult, Severity } from "../../engine/types.js";
import { formatters } from "../../formatters/index.js";
import { useColor } from "../color.js";
import { createConfigResolver, parseRuleOverrides, type ResolvedConfig } from "../config-resolver.js";
import { discoverFiles, type FoundFile } from "../discover.js";
import { explainRule } from "../explain.js";
import { writeFix } from "../fix-writer.js";
import { nodeFileSystem } from "../fs.js";
import { ignoredBy, ignoreLayer } from "../ignore-rules.js";
import { lintTasks } from "../lint-files.js";
import type { LintTask } from "../lint-task.js";
import { version, type CommandIO } from "../main.js";
import { parseLintOptions, type FailureThreshold, type LintCommandOptions } from "../options.js";
import { printConfig } from "../print-config.js";
import { formatProblem, type Problem } from "../problem.js";
import { oversize, readDockerfile } from "../read-dockerfile.js";
import { describeRules, DOCS_BASE_URL } from "../rule-descriptions.js";
import { failureThresholdOf, maxFileSizeOf, type RunSettings } from "../run-settings.js";
import { decodeText, type TextEncoding } from "../text-encoding.js";
import { unifiedDiff } from "../unified-diff.js";
import { USAGE } from "../usage.js";
import { writeFileAtomic } from "../write-file.js";

/** A file ready to lint. */
interface Input {
  /** Undefined for standard input. */
  readonly file: FoundFile | undefined;
  readonly path: string;
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly mode: number;
  readonly config: DockerlintConfig;
}

const RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };
const STDIN_NAME = "<stdin>";

function fails(finding: Finding, threshold: FailureThreshold): boolean {
  return threshold !== "none" && RANK[finding.severity] >= RANK[threshold];
}

/** Reports problems as they happen and remembers whether any was an error. */
class ProblemLog {
  error = false;
  private readonly seen = new Set<string>();
  constructor(private readonly io: CommandIO) {}
  add(problem: Problem): void {
    if (this.seen.has(problem.message)) return;
    this.seen.add(problem.message);
    if (problem.level === "error") this.error = true;
    this.io.err(formatProblem(problem));
  }
}

/** Resolves the config of a path; a config error is logged (once) and yields undefined. */
function configOf(configFor: (file: string) => ResolvedConfig, absolute: string, log: ProblemLog): (ResolvedConfig & { ok: true }) | undefined {
  const resolved = configFor(absolute);
  if (resolved.ok) return resolved;
  log.add({ level: "error", message: resolved.message });
  return undefined;
}

function prepareFile(file: FoundFile, o: LintCommandOptions, settings: RunSettings, configFor: (file: string) => ResolvedConfig, io: CommandIO, log: ProblemLog): Input | undefined {
  const resolved = configOf(configFor, file.absolute, log);
  if (resolved === undefined) return undefined;
  if (o.ignore && resolved.ignores !== undefined && ignoredBy([resolved.ignores], file.absolute, false)) {
    if (file.explicit) log.add({ level: "warning", message: `${file.path}: ignored by "ignores" in ${resolved.path} (use --no-ignore to lint it)` });
    return undefined;
  }
  const read = readDockerfile(file.absolute, { maxFileSize: maxFileSizeOf(resolved.config, settings), explicit: file.explicit, fs: io.fs ?? nodeFileSystem });
  if (!read.ok) {
    log.add({ ...read.problem, message: read.problem.message.replace(file.absolute, file.path) });
    return undefined;
  }
  return { file, path: file.path, text: read.text, encoding: read.encoding, mode: read.mode, config: resolved.config };
}

function prepareStdin(o: LintCommandOptions, settings: RunSettings, configFor: (file: string) => ResolvedConfig, io: CommandIO, cwd: string, log: ProblemLog): Input | undefined {
  const path = o.stdinFilename ?? STDIN_NAME;
  const resolved = configOf(configFor, resolve(cwd, o.stdinFilename ?? "Dockerfile"), log);
  if (resolved === undefined) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = io.readStdin ? io.readStdin() : readFileSync(0);
  } catch (error) {
    log.add({ level: "error", message: `cannot read standard input (${(error as Error).message})` });
    return undefined;
  }
  const limit = maxFileSizeOf(resolved.config, settings);
  if (bytes.length > limit) {
    log.add(oversize(path, bytes.length, limit));
    return undefined;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    log.add({ level: "error", message: `${path}: ${decoded.reason}` });
    return undefined;
  }
  return { file: undefined, path, text: decoded.text, encoding: decoded.encoding, mode: 0o644, config: resolved.config };
}

/** The files (and standard input) to lint, read and with their config; problems go to `log`. */
function collectInputs(o: LintCommandOptions, settings: RunSettings, configFor: (file: string) => ResolvedConfig, io: CommandIO, cwd: string, log: ProblemLog): Input[] {
  const paths = o.paths.filter((path) => path !== "-");
  const inputs: Input[] = [];
  if (paths.length > 0 || !o.paths.includes("-")) {
    const ignore = o.ignore && o.ignorePatterns.length > 0 ? [ignoreLayer(cwd, o.ignorePatterns)] : [];
    const discovery = discoverFiles(paths, { cwd, fs: io.fs ?? nodeFileSystem, gitignore: o.ignore, ignore });
    for (const problem of discovery.problems) log.add(problem);
    for (const file of discovery.files) {
      const input = prepareFile(file, o, settings, configFor, io, log);
      if (input !== undefined) inputs.push(input);
    }
  }
  if (o.paths.includes("-")) {
    const input = prepareStdin(o, settings, configFor, io, cwd, log);
    if (input !== undefined) inputs.push(input);
    if (o.fix && !o.fixDryRun) log.add({ level: "warning", message: "fixes to standard input are not written anywhere; use --fix-dry-run to see them" });
  }
  if (inputs.length === 0 && !log.error) {
    log.add({ level: "error", message: `no files to lint${o.paths.length > 0 ? ` in ${o.paths.join(" ")}` : " in the current folder"}` });
  }
  return inputs;
}

function emit(text: string, o: LintCommandOptions, io: CommandIO, cwd: string, log: ProblemLog): void {
  if (o.outputFile === undefined) {
    io.out(text);
    return;
  }
  const failure = writeFileAtomic(resolve(cwd, o.outputFile), Buffer.from(text, "utf8"), 0o644, io.fs ?? nodeFileSystem);
  if (failure !== undefined) log.add({ level: "error", message: failure.replace(resolve(cwd, o.outputFile), o.outputFile) });
}

/**
 * Runs the lint command; resolves to the exit code.
 *
 * @example
 * ```ts
 * await runLint(["--format", "json", "services/"], io); // 0, 1 or 2
 * ```
 */
export async function runLint(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseLintOptions(argv);
  if (!parsed.ok) {
    io.err(`dockerlint: ${parsed.message}\nRun "dockerlint --help" for the options.\n`);
    return 2;
  }
  const o = parsed.options;
  if (o.help) {
    io.out(USAGE + "\n");
    return 0;
  }
  if (o.version) {
    io.out(version() + "\n");
    return 0;
  }
  const rules = io.rules ?? allRules;
  if (o.explain !== undefined) {
    const explained = explainRule(o.explain, rules);
    if (explained.ok) io.out(explained.text);
    else io.err(`dockerlint: ${explained.message}\n`);
    return explained.ok ? 0 : 2;
  }
  const overrides = parseRuleOverrides(o.rules, rules);
  if (!overrides.ok) {
    io.err(`dockerlint: ${overrides.message}\n`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const settings: RunSettings = { failureThreshold: o.failureThreshold, maxFileSize: o.maxFileSize };
  const configFor = createConfigResolver({ cwd, explicit: o.config, lookup: o.configLookup, overrides: overrides.overrides, rules });
  if (o.config !== undefined || o.printConfig !== undefined) {
    const resolved = configFor(resolve(cwd, o.printConfig ?? "Dockerfile"));
    if (!resolved.ok) {
      io.err(`dockerlint: ${resolved.message}\n`);
      return 2;
    }
    if (o.printConfig !== undefined) {
      io.out(printConfig(resolved.config, resolved.path, rules, settings));
      return 0;
    }
  }
  const log = new ProblemLog(io);
  const fs = io.fs ?? nodeFileSystem;
  const inputs = collectInputs(o, settings, configFor, io, cwd, log);
  if (o.unsafeFixes && !o.fix && !o.fixDryRun) log.add({ level: "warning", message: "--unsafe-fixes does nothing without --fix or --fix-dry-run" });

  const fixing = o.fix || o.fixDryRun;
  const configOfInput = (input: Input): DockerlintConfig => (o.shellcheck ? { ...input.config, shellcheck: true } : input.config);
  const tasks: LintTask[] = inputs.map((input, id) => ({ id, filePath: input.path, text: input.text, config: configOfInput(input), fix: fixing ? { unsafe: o.unsafeFixes } : undefined }));
  const outcomes = await lintTasks(tasks, {
    concurrency: o.concurrency,
    rules: io.rules,
    progress: { isTTY: io.stderrIsTTY === true, write: (t) => io.err(t) },
    onWorkerError: (message) => log.add({ level: "warning", message: `a worker thread failed (${message}); its files were linted in the main thread` }),
  });

  let diff = "";
  const results: (LintResult & { threshold: FailureThreshold })[] = [];
  inputs.forEach((input, index) => {
    const outcome = outcomes[index];
    if (outcome.output !== undefined && o.fixDryRun) diff += unifiedDiff(input.path, input.text, outcome.output);
    else if (outcome.output !== undefined && o.fix && input.file !== undefined) {
      const problem = writeFix(input.file, outcome.output, input.encoding, input.mode, fs);
      if (problem !== undefined) log.add(problem);
    }
    const findings = o.quiet ? outcome.findings.filter((f) => f.severity === "error") : outcome.findings;
    results.push({ filePath: input.path, findings, source: outcome.output ?? input.text, threshold: failureThresholdOf(input.config, settings) });
  });
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

  const color = o.outputFile === undefined && useColor(o.color, io.env ?? {}, io.stdoutIsTTY === true);
  const context = { cwd, color, rules: describeRules(rules), toolVersion: version(), docsBaseUrl: DOCS_BASE_URL };
  emit(o.fixDryRun ? diff : formatters[o.format](results, context), o, io, cwd, log);

  if (log.error) return 2;
  if (results.some((result) => result.findings.some((f) => fails(f, result.threshold)))) return 1;
  const warnings = results.reduce((n, result) => n + result.findings.filter((f) => f.severity === "warning").length, 0);
  if (o.maxWarnings !== undefined && warnings > o.maxWarnings) {
    io.err(`dockerlint: ${warnings} warnings, more than --max-warnings ${o.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
