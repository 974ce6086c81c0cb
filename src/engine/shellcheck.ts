/**
 * Running ShellCheck (https://www.shellcheck.net) over RUN scripts: each script becomes a file
 * that starts with a `# shellcheck shell=…` directive (or keeps its `#!` line) and a line that
 * exports the names of the ARG and ENV variables it sees, all files go through one synchronous
 * `shellcheck --format=json1` process, and each comment comes back with offsets into the script's
 * own text. Without ShellCheck on PATH, nothing happens.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The shells ShellCheck knows. */
export type ShellcheckShell = "sh" | "bash" | "dash" | "ksh";

/** ShellCheck's levels, least severe first. */
export const SHELLCHECK_LEVELS = ["style", "info", "warning", "error"] as const;

/** A ShellCheck level. */
export type ShellcheckLevel = (typeof SHELLCHECK_LEVELS)[number];

/**
 * A script to check.
 *
 * @example
 * ```ts
 * const script: ShellcheckScript = { text: "echo $HOME | grep x\n", shell: "sh", variables: ["VERSION"] };
 * ```
 */
export interface ShellcheckScript {
  /** The script as the shell receives it; a first line starting with `#!` is kept as the interpreter line. */
  readonly text: string;
  /** The shell it runs in (ignored when the text starts with `#!`). */
  readonly shell: ShellcheckShell;
  /** Names known to be set in the environment (ARG and ENV): ShellCheck must not call them unassigned. */
  readonly variables: readonly string[];
}

/**
 * A ShellCheck comment on one script, with offsets into the script's text (UTF-16, end exclusive).
 *
 * @example
 * ```ts
 * // { script: 0, code: 2086, level: "info", message: "Double quote to prevent globbing and word splitting.", start: 5, end: 10 }
 * ```
 */
export interface ShellcheckComment {
  /** The index of the script in the batch. */
  readonly script: number;
  readonly code: number;
  readonly level: ShellcheckLevel;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** Options of {@link runShellcheck}. */
export interface ShellcheckOptions {
  /** The least level reported (ShellCheck's `--severity`). Default `style`. */
  readonly minLevel?: ShellcheckLevel;
  /** Codes not reported. Default: 1090 and 1091 (sourced files cannot be followed), 2187 (ash). */
  readonly exclude?: readonly number[];
  /** The program to run. Default `shellcheck` from PATH. */
  readonly executable?: string;
}

/** Codes hadolint also leaves out: sources that cannot be followed, and "ash is not supported". */
export const DEFAULT_EXCLUDE: readonly number[] = [1090, 1091, 2187];

/** Proxy variables BuildKit passes to every RUN without an ARG. */
const PROXY_VARIABLES = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"];

/** Whether each executable answered `--version`, probed once per process. */
const availability = new Map<string, boolean>();

/** A script as a file: the prelude lines inserted after `head` lines, and the file text. */
interface Prepared {
  readonly file: string;
  readonly headLines: number;
  readonly preludeLines: number;
  readonly lineStarts: readonly number[];
}

function prepare(script: ShellcheckScript): Prepared {
  const names = [...new Set([...PROXY_VARIABLES, ...script.variables])].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
  const exports = `export ${names.map((n) => `${n}=`).join(" ")}\n`;
  const lineStarts = [0];
  for (let i = 0; i < script.text.length; i++) if (script.text[i] === "\n") lineStarts.push(i + 1);
  if (script.text.startsWith("#!")) {
    const firstLine = script.text.slice(0, lineStarts[1] ?? script.text.length);
    const rest = script.text.slice(firstLine.length);
    return { file: `${firstLine}${firstLine.endsWith("\n") ? "" : "\n"}${exports}${rest}`, headLines: 1, preludeLines: 1, lineStarts };
  }
  return { file: `# shellcheck shell=${script.shell}\n${exports}${script.text}`, headLines: 0, preludeLines: 2, lineStarts };
}

/** The offset in the script of a 1-based line and 1-based column (in code points) of its file. */
function offsetOf(script: ShellcheckScript, prepared: Prepared, fileLine: number, column: number): number | undefined {
  const { headLines, preludeLines, lineStarts } = prepared;
  if (fileLine > headLines && fileLine <= headLines + preludeLines) return undefined;
  const line = fileLine <= headLines ? fileLine : fileLine - preludeLines;
  const start = lineStarts[line - 1];
  if (start === undefined) return undefined;
  let at = start;
  for (let c = 1; c < column && at < script.text.length && script.text[at] !== "\n"; c++) at += (script.text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  return at;
}

/** One entry of ShellCheck's json1 output. */
interface JsonComment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

/** node:child_process, loaded on first use: loading it costs every CLI run ~2 ms, and few runs start ShellCheck. */
function childProcess(): typeof import("node:child_process") {
  return process.getBuiltinModule("node:child_process");
}

/**
 * Whether ShellCheck can be run (checked once per executable).
 *
 * @example
 * ```ts
 * if (shellcheckAvailable()) console.log("ShellCheck will check RUN scripts");
 * ```
 */
export function shellcheckAvailable(executable = "shellcheck"): boolean {
  let available = availability.get(executable);
  if (available === undefined) {
    const probe = childProcess().spawnSync(executable, ["--version"], { encoding: "utf8", timeout: 10_000 });
    available = probe.error === undefined && probe.status === 0;
    availability.set(executable, available);
  }
  return available;
}

/**
 * Checks scripts with one ShellCheck process. Returns the comments sorted by script and position,
 * or `undefined` when ShellCheck is not installed or fails; never throws.
 *
 * @example
 * ```ts
 * runShellcheck([{ text: "echo $1\n", shell: "sh", variables: [] }]);
 * // [{ script: 0, code: 2086, level: "info", message: "Double quote to prevent globbing and word splitting.", start: 5, end: 7 }]
 * ```
 */
export function runShellcheck(scripts: readonly ShellcheckScript[], options: ShellcheckOptions = {}): ShellcheckComment[] | undefined {
  const executable = options.executable ?? "shellcheck";
  if (scripts.length === 0) return [];
  if (!shellcheckAvailable(executable)) return undefined;
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), "dockerlint-shellcheck-"));
    const prepared = scripts.map(prepare);
    const files = prepared.map((p, i) => {
      const name = `${i}.sh`;
      writeFileSync(join(dir!, name), p.file);
      return name;
    });
    const exclude = options.exclude ?? DEFAULT_EXCLUDE;
    const args = ["--format=json1", `--severity=${options.minLevel ?? "style"}`, ...(exclude.length > 0 ? [`--exclude=${exclude.join(",")}`] : []), "--", ...files];
    const result = childProcess().spawnSync(executable, args, { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    if (result.error !== undefined || (result.status !== 0 && result.status !== 1)) return undefined;
    const parsed = JSON.parse(result.stdout) as { comments?: JsonComment[] };
    const comments: ShellcheckComment[] = [];
    for (const c of parsed.comments ?? []) {
      const index = files.indexOf(c.file);
      if (index < 0 || !(SHELLCHECK_LEVELS as readonly string[]).includes(c.level)) continue;
      const start = offsetOf(scripts[index], prepared[index], c.line, c.column);
      const end = offsetOf(scripts[index], prepared[index], c.endLine, c.endColumn);
      if (start === undefined) continue;
      comments.push({ script: index, code: c.code, level: c.level as ShellcheckLevel, message: c.message, start, end: Math.max(start, end ?? start) });
    }
    return comments.sort((a, b) => a.script - b.script || a.start - b.start || a.code - b.code);
  } catch {
    return undefined;
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}
