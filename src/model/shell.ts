/**
 * The shell inside RUN as simple commands: {@link parseShell} lexes and parses a script with the
 * chevrotain grammar of `grammar/shell/`, takes every word apart and maps offsets back to the
 * Dockerfile.
 *
 * Command substitutions (`$(…)`, `` `…` ``, `<(…)`) are parsed too, without recursion: each body
 * is queued as a script of its own, so nesting depth costs neither stack nor quadratic time.
 * Their commands appear in {@link ShellScript.commands} (in source order, with the context
 * `"command-substitution"`), and each substitution part's `script` holds the commands at its own
 * level (deeper ones hang off their own parts). `sh -c '…'` bodies are not parsed.
 *
 * @packageDocumentation
 */
import type { IToken } from "chevrotain";
import { lexShell } from "../../grammar/shell/lexer.js";
import { parseShellTokens, type RawCommand } from "../../grammar/shell/parser.js";
import type { ScanMemo } from "../../grammar/shell/scan.js";
import type { Range } from "../ast/nodes.js";
import type {
  ShellAssignment, ShellContext, ShellDiagnostic, ShellRedirect, ShellScript, ShellWord, SimpleCommand,
} from "./shell-types.js";
import { analyzeWord, type SubstitutionPart } from "./shell/word.js";

export type * from "./shell-types.js";

/** The text of a script and where it sits in the Dockerfile. */
export interface ShellSource {
  /** The script, as the shell receives it. */
  readonly text: string;
  /** Maps an offset in `text` to an offset in the Dockerfile; identity when absent. */
  readonly toSource?: (offset: number) => number;
}

/** Options of {@link parseShell}. */
export interface ShellOptions {
  /** `"bash"` (default) also reads `$'…'`, `&>`, `<<<`, `|&`, `[[ … ]]`, `<(…)` and `function`; `"sh"` reads POSIX sh. */
  readonly dialect?: "sh" | "bash";
}

/** One script to parse: the root, or the body of a command substitution. */
interface Job {
  readonly text: string;
  /** Offset of `text` in the root script, when `text` is a verbatim slice of it. */
  readonly base: number;
  /** Root offset of each character of `text`, when it is not a verbatim slice (backquote bodies). */
  readonly offsets: number[] | undefined;
  /** Context of the command holding the substitution, plus `"command-substitution"`. */
  readonly context: readonly ShellContext[];
  readonly part: SubstitutionPart | undefined;
}

const IDENTITY = (offset: number): number => offset;
const ASSIGNMENT_NAME = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]]*\])?\+?=/;

/**
 * Parses the shell script of a RUN instruction into simple commands. Never throws: what cannot
 * be parsed is reported in `diagnostics`, and the commands that could be read are returned.
 *
 * @example
 * const script = parseShell({ text: "apt-get update && apt-get install -y curl" });
 * script.commands.map((c) => c.name?.value); // ["apt-get", "apt-get"]
 * script.commands[1].connector; // "&&"
 */
export function parseShell(source: ShellSource, options?: ShellOptions): ShellScript {
  const dialect = options?.dialect ?? "bash";
  const bash = dialect === "bash";
  const toSource = source.toSource ?? IDENTITY;
  const memo: ScanMemo = new Map();
  const found: { command: SimpleCommand; at: number }[] = [];
  const diagnostics: ShellDiagnostic[] = [];
  const jobs: Job[] = [{ text: source.text, base: 0, offsets: undefined, context: [], part: undefined }];

  for (let j = 0; j < jobs.length; j++) {
    const job = jobs[j];
    const root = (local: number): number =>
      job.offsets === undefined ? job.base + local : (job.offsets[local] ?? job.offsets[job.offsets.length - 1] + 1);
    const range = (start: number, end: number): Range =>
      end > start ? [toSource(root(start)), toSource(root(end - 1)) + 1] : [toSource(root(start)), toSource(root(start))];
    const local: ShellDiagnostic[] = [];
    const report = (message: string, start: number, end: number): void => {
      local.push({ message, range: range(start, end) });
    };

    /** Builds a word from `text` found at local offset `start`, queueing its substitutions. */
    const word = (text: string, start: number, context: readonly ShellContext[]): ShellWord => {
      const analysis = analyzeWord(text, {
        base: job.base + start,
        memo: job.offsets === undefined ? memo : undefined,
        bash,
      });
      for (const problem of analysis.problems) report(problem, start, start + text.length);
      for (const sub of analysis.substitutions) {
        const offsets = sub.offsets === undefined && job.offsets === undefined
          ? undefined
          : Array.from(sub.body, (_, k) => root(start + (sub.offsets === undefined ? sub.start + k : sub.offsets[k])));
        jobs.push({
          text: sub.body,
          base: job.base + start + sub.start,
          offsets,
          context: [...context, "command-substitution"],
          part: sub.part,
        });
      }
      return { text, value: analysis.value, parts: analysis.parts, range: range(start, start + text.length) };
    };
    const tokenWord = (token: IToken, context: readonly ShellContext[]): ShellWord =>
      word(token.image, token.startOffset, context);

    const build = (raw: RawCommand): SimpleCommand | undefined => {
      const context = [...job.context, ...raw.context];
      let start = Infinity;
      let end = -Infinity;
      const cover = (token: IToken | undefined): boolean => {
        if (token === undefined || Number.isNaN(token.startOffset) || token.isInsertedInRecovery === true) return false;
        start = Math.min(start, token.startOffset);
        end = Math.max(end, token.startOffset + token.image.length);
        return true;
      };
      const assignments: ShellAssignment[] = [];
      for (const token of raw.assignments) {
        if (!cover(token)) continue;
        const eq = token.image.indexOf("=");
        const name = ASSIGNMENT_NAME.exec(token.image)?.[1] ?? token.image.slice(0, eq);
        const valueText = token.image.slice(eq + 1);
        const value = valueText === "" ? undefined : word(valueText, token.startOffset + eq + 1, context);
        assignments.push({ name, value, range: range(token.startOffset, token.startOffset + token.image.length) });
      }
      const words = raw.words.filter(cover).map((token) => tokenWord(token, context));
      const redirects: ShellRedirect[] = [];
      for (const r of raw.redirects) {
        if (!cover(r.op)) continue;
        const fd = cover(r.fd) ? Number(r.fd?.image) : undefined;
        const target = cover(r.target) && r.target !== undefined ? tokenWord(r.target, context) : undefined;
        const body = lexed.heredocs.get(r.op.startOffset)?.body;
        const redirectStart = r.fd !== undefined && fd !== undefined ? r.fd.startOffset : r.op.startOffset;
        const redirectEnd = target !== undefined && r.target !== undefined ? r.target.startOffset + r.target.image.length : r.op.startOffset + r.op.image.length;
        redirects.push({
          op: r.op.image,
          fd,
          target,
          ...(body === undefined ? {} : { heredocBody: body }),
          range: range(redirectStart, redirectEnd),
        });
      }
      if (start === Infinity) return undefined;
      const command: SimpleCommand = {
        name: words[0],
        args: words.slice(1),
        assignments,
        redirects,
        context,
        connector: raw.connector,
        range: range(start, end),
      };
      found.push({ command, at: root(start) });
      return command;
    };

    const lexed = lexShell(job.text, { dialect, base: job.base, memo: job.offsets === undefined ? memo : undefined });
    for (const problem of lexed.problems) report(problem.message, problem.start, problem.end);
    let commands: SimpleCommand[] = [];
    try {
      const parsed = parseShellTokens(lexed.tokens, job.text.length);
      for (const error of parsed.errors) report(error.message, error.start, error.end);
      for (const raw of parsed.commands) {
        const command = build(raw);
        if (command !== undefined) commands.push(command);
      }
      for (const loose of parsed.looseWords) {
        if (!loose.token.isInsertedInRecovery) tokenWord(loose.token, [...job.context, ...loose.context]);
      }
    } catch {
      // Only a call stack exhausted by absurdly deep nesting of ( { if while … gets here.
      commands = [];
      report("The script is nested too deeply to be parsed.", 0, job.text.length);
    }
    diagnostics.push(...local);
    if (job.part !== undefined) job.part.script = { commands, diagnostics: local };
  }

  found.sort((a, b) => a.at - b.at);
  diagnostics.sort((a, b) => a.range[0] - b.range[0]);
  return { commands: found.map((f) => f.command), diagnostics };
}
