/**
 * The shell inside RUN as simple commands: {@link parseShell} lexes and parses a script, takes
 * every word apart and maps offsets back to the Dockerfile. A valid script is read in one pass by
 * the hand-written fast path of `grammar/shell/fast.ts`; one with a syntax error by the chevrotain
 * grammar of `grammar/shell/` (built on first use), whose error recovery still lists the commands
 * it can read. Both give the same result wherever the fast path reads (`test/shell/fast-path.test.ts`).
 *
 * Command substitutions (`$(…)`, `` `…` ``, `<(…)`, also inside `${x:-…}`, `$((…))` and unquoted
 * here-document bodies) are parsed too, without recursion: each body is queued as a script of its
 * own and scanned once (see `grammar/shell/scan.ts`), so nesting depth costs no stack and no
 * rescanning. Their commands appear in {@link ShellScript.commands} (in source order, with the
 * context `"command-substitution"`), and each substitution part's `script` holds the commands at
 * its own level (deeper ones hang off their own parts). `sh -c '…'` bodies are not parsed.
 *
 * @packageDocumentation
 */
import { lexShell } from "../../grammar/shell/lexer.js";
import { parseShellTokens, type RawCommand, type RawRedirect, type RawToken } from "../../grammar/shell/parser.js";
import { isAssignment, nameEnd, plainWordEnd, type ScanMemo, type ScanPlace } from "../../grammar/shell/scan.js";
import { parseFast, Role, type FastBuilder, type FastTokens } from "../../grammar/shell/fast.js";
import type { LexedHeredoc } from "../../grammar/shell/heredoc.js";
import type { Range } from "../ast/nodes.js";
import type {
  ShellAssignment, ShellConnector, ShellContext, ShellDiagnostic, ShellRedirect, ShellScript, ShellWord, SimpleCommand,
} from "./shell-types.js";
import { analyzeWord, heredocSubstitutions, NONE, type Substitution, type SubstitutionPart, type WordAnalysis } from "./shell/word.js";

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
  /**
   * `"bash"` (default) also reads `$'…'`, `&>`, `<<<`, `|&`, `;&`, `[[ … ]]`, `(( … ))`, `<(…)` and
   * `function`; `"sh"` reads POSIX sh, where these are plain words or other operators.
   */
  readonly dialect?: "sh" | "bash";
  /**
   * `"auto"` (default) reads valid scripts with the one-pass fast path of `grammar/shell/fast.ts`
   * and those with syntax errors with the chevrotain grammar (and its error recovery); `"grammar"`
   * reads every script with the grammar (the reference the fast path is tested against).
   *
   * @internal
   */
  readonly engine?: "auto" | "grammar";
}

/** One script to parse: the root, or the body of a command substitution. */
interface Job {
  readonly text: string;
  /** Offset of `text` in the root script, when `text` is a verbatim slice of it. */
  readonly base: number;
  /** Root offset of each character of `text`, when it is not a verbatim slice (backquote bodies). */
  readonly offsets: number[] | undefined;
  /** Context of the word holding the substitution (empty for the root). */
  readonly context: readonly ShellContext[];
  /**
   * The command holding the substitution, once built: its context when the job runs replaces
   * {@link context} (the fast path builds a command before the pipeline or `&` around it marks it).
   */
  holder: SimpleCommand | undefined;
  readonly part: SubstitutionPart | undefined;
  /** How many command substitutions deep the script is (0 for the root). */
  readonly depth: number;
}

/**
 * The deepest command substitution whose body is parsed. Each level's commands carry the whole
 * context chain above them, so parsing costs grow with the square of the depth; real scripts nest
 * two or three levels, and a deeper body is reported and left unparsed (its part's `script` stays
 * undefined).
 */
export const MAX_SUBSTITUTION_DEPTH = 1000;

const IDENTITY = (offset: number): number => offset;
const PLUS = 43;

/** Whether a token was really read (not made up by error recovery). */
function real(token: RawToken | undefined): token is RawToken {
  return token !== undefined && token.isInsertedInRecovery !== true && !Number.isNaN(token.startOffset);
}

/**
 * Builds the commands of one {@link parseShell} call, one queued script at a time (the root script
 * first): the fast path hands it each command as it reads it (see {@link FastBuilder}); the
 * grammar's raw commands are built once the grammar has read the script.
 */
class ScriptBuilder implements FastBuilder<SimpleCommand> {
  /** Every command, in the order read (each job's in source order, jobs one after another). */
  readonly found: SimpleCommand[] = [];
  /** Root offset of each command in {@link found}, to sort them when there are substitutions. */
  readonly at: number[] = [];
  readonly diagnostics: ShellDiagnostic[] = [];
  readonly jobs: Job[] = [];
  /**
   * Ends of `$(…)` already scanned, shared by the jobs whose text is a verbatim slice of the root;
   * none when the root has no `(` (nor, then, any `$(…)` to remember).
   */
  private readonly memo: ScanMemo | undefined;
  /** Where the word being analysed sits (one object, updated per word). */
  private readonly place: ScanPlace;
  private job!: Job;
  /** The contexts of the current job's commands start with these: the holder's, then `"command-substitution"`. */
  private jobContext: readonly ShellContext[] = [];
  /**
   * The extent of the command being built (its parts may come in any order: `>log A=1 cmd`): its
   * first and last local offsets (-1 before its first part: small integers keep V8's fields and the
   * command's range unboxed), and their Dockerfile offsets, taken from the ranges of its parts.
   */
  private readonly extent = { start: 0, end: 0, from: 0, to: 0 };
  /** The words of the command being built, name first: the first {@link wordCount} entries of a list reused for every command. */
  private readonly words: ShellWord[] = [];
  private wordCount = 0;
  /** How many jobs were queued when the command being built was started: those after it are its substitutions. */
  private jobsBefore = 0;

  constructor(
    private readonly dialect: "sh" | "bash",
    private readonly toSource: (offset: number) => number,
    private readonly fast: boolean,
    root: string,
  ) {
    this.place = { base: 0, memo: undefined, bash: dialect === "bash" };
    this.memo = root.includes("(") ? new Map() : undefined;
    this.jobs.push({ text: root, base: 0, offsets: undefined, context: [], holder: undefined, part: undefined, depth: 0 });
  }

  /** Parses the root script and every script queued meanwhile. */
  run(): void {
    for (let j = 0; j < this.jobs.length; j++) this.runJob(this.jobs[j]);
  }

  private runJob(job: Job): void {
    this.job = job;
    this.jobContext = job.depth === 0 ? job.context : [...(job.holder?.context ?? job.context), "command-substitution"];
    const firstDiagnostic = this.diagnostics.length;
    const firstCommand = this.found.length;
    const firstJob = this.jobs.length;
    const memo = job.offsets === undefined ? this.memo : undefined;
    if (!this.fast || parseFast(job.text, { base: job.base, memo, bash: this.dialect === "bash" }, this, this.jobContext) === undefined) {
      if (this.fast) this.drop(firstCommand, firstDiagnostic, firstJob);
      this.runGrammar(job, memo);
    }
    // The job's own commands and diagnostics are the last ones added.
    if (job.part !== undefined) job.part.script = { commands: this.found.slice(firstCommand), diagnostics: this.diagnostics.slice(firstDiagnostic) };
  }

  /**
   * Drops what the fast path built before it gave the current job up: the commands and
   * diagnostics from the given counts on, and the jobs it queued meanwhile.
   */
  private drop(commands: number, diagnostics: number, jobs: number): void {
    this.found.length = commands;
    this.at.length = commands;
    this.diagnostics.length = diagnostics;
    this.jobs.length = jobs;
  }

  /** Reads the current job with the chevrotain grammar, then builds what it read. */
  private runGrammar(job: Job, memo: ScanMemo | undefined): void {
    const lexed = lexShell(job.text, { dialect: this.dialect, base: job.base, memo });
    for (const problem of lexed.problems) this.report(problem.message, problem.start, problem.end);
    const parsed = parseShellTokens(lexed.tokens, job.text.length);
    for (const error of parsed.errors) this.report(error.message, error.start, error.end);
    for (const raw of parsed.commands) this.rawCommand(raw, lexed.heredocs);
    for (const loose of parsed.looseWords) {
      if (real(loose.token)) this.word(loose.token.image, loose.token.startOffset, this.context(loose.context), loose.token.plain, loose.token.analysis);
    }
  }

  /** The offset in the root script of a local offset of the current job. */
  private root(local: number): number {
    const offsets = this.job.offsets;
    if (offsets === undefined) return this.job.base + local;
    return local < offsets.length ? offsets[local] : (offsets[offsets.length - 1] ?? this.job.base - 1) + 1;
  }

  /** The Dockerfile range of local offsets `[start, end)` of the current job. */
  private range(start: number, end: number): Range {
    const from = this.toSource(this.root(start));
    return end > start ? [from, this.toSource(this.root(end - 1)) + 1] : [from, from];
  }

  private report(message: string, start: number, end: number): void {
    this.diagnostics.push({ message, range: this.range(start, end) });
  }

  private context(inner: readonly ShellContext[]): readonly ShellContext[] {
    const outer = this.jobContext;
    return outer.length === 0 ? inner : inner.length === 0 ? outer : [...outer, ...inner];
  }

  /**
   * Builds a word from `text` at local offset `start`, queueing its command substitutions; `plain`
   * when the lexer knows whether the text is the word's value (a plain word is one literal part),
   * `analysis` when the lexer took the word apart.
   */
  private word(text: string, start: number, context: readonly ShellContext[], plain?: boolean, analysis?: WordAnalysis): ShellWord {
    const range = this.range(start, start + text.length);
    if (plain ?? plainWordEnd(text, 0) === text.length) return { text, value: text, parts: [{ kind: "literal", value: text, quoted: "none" }], range };
    analysis ??= analyzeWord(text, this.placeAt(start));
    if (analysis.problems.length > 0) for (const problem of analysis.problems) this.report(problem, start, start + text.length);
    if (analysis.substitutions.length > 0) this.queue(analysis.substitutions, start, context);
    return { text, value: analysis.value, parts: analysis.parts, range };
  }

  /** Points {@link place} at local offset `start` of the current job. */
  private placeAt(start: number): ScanPlace {
    this.place.base = this.job.base + start;
    this.place.memo = this.job.offsets === undefined ? this.memo : undefined;
    return this.place;
  }

  /** Queues the bodies of substitutions found in text at local offset `start`. */
  private queue(substitutions: readonly Substitution[], start: number, context: readonly ShellContext[]): void {
    const job = this.job;
    if (job.depth === MAX_SUBSTITUTION_DEPTH) {
      const first = substitutions[0];
      this.report(`Command substitutions nested more than ${MAX_SUBSTITUTION_DEPTH} levels deep are not analysed`, start + first.start, start + first.start + first.body.length);
      return;
    }
    for (const sub of substitutions) {
      const offsets = sub.offsets === undefined && job.offsets === undefined
        ? undefined
        : Array.from(sub.body, (_, k) => this.root(start + (sub.offsets === undefined ? sub.start + k : sub.offsets[k])));
      this.jobs.push({
        text: sub.body,
        base: job.base + start + sub.start,
        offsets,
        context,
        holder: undefined,
        part: sub.part,
        depth: job.depth + 1,
      });
    }
  }

  /**
   * Builds a simple command the fast path read: its assignments, then its words, then its
   * redirections (the grammar's order, see {@link rawCommand}), in context `context`, which already
   * holds the job's.
   */
  command(
    tokens: FastTokens, first: number, end: number, context: readonly ShellContext[], connector: ShellConnector, assignmentCount: number, redirectCount: number,
  ): SimpleCommand {
    this.begin();
    const roles = tokens.roles;
    let assignments: readonly ShellAssignment[] = NONE;
    if (assignmentCount > 0) {
      const list: ShellAssignment[] = [];
      for (let i = first; i < end; i++) if (roles[i] === Role.Assignment) list.push(this.assignment(tokens.image(i), tokens.starts[i], context, tokens.plain(i), tokens.analysis(i)));
      assignments = list;
    }
    for (let i = first; i < end; i++) {
      if (roles[i] === Role.Word) this.addWord(this.word(tokens.image(i), tokens.starts[i], context, tokens.plain(i), tokens.analysis(i)), tokens.starts[i], tokens.ends[i]);
    }
    let redirects: readonly ShellRedirect[] = NONE;
    if (redirectCount > 0) {
      const list: ShellRedirect[] = [];
      for (let i = first; i < end; i++) {
        if (roles[i] !== Role.Redirect) continue;
        const fd = i > first && roles[i - 1] === Role.Fd ? tokens.token(i - 1) : undefined;
        list.push(this.redirect({ fd, op: tokens.token(i), target: tokens.token(i + 1) }, context, tokens.heredocs));
      }
      redirects = list;
    }
    return this.finish(assignments, redirects, context, connector) as SimpleCommand;
  }

  /** Builds a word outside simple commands that the fast path read. */
  looseWord(tokens: FastTokens, i: number, context: readonly ShellContext[]): void {
    this.word(tokens.image(i), tokens.starts[i], context, tokens.plain(i), tokens.analysis(i));
  }

  /** Builds a command the grammar read; none when error recovery left it empty. */
  private rawCommand(raw: RawCommand, heredocs: ReadonlyMap<number, LexedHeredoc>): void {
    const context = this.context(raw.context);
    this.begin();
    const assignments: ShellAssignment[] = [];
    for (const token of raw.assignments) if (real(token)) assignments.push(this.assignment(token.image, token.startOffset, context, token.plain, token.analysis));
    for (const token of raw.words) {
      if (real(token)) this.addWord(this.word(token.image, token.startOffset, context, token.plain, token.analysis), token.startOffset, token.startOffset + token.image.length);
    }
    const redirects: ShellRedirect[] = [];
    for (const r of raw.redirects) if (real(r.op)) redirects.push(this.redirect(r, context, heredocs));
    this.finish(assignments.length > 0 ? assignments : NONE, redirects.length > 0 ? redirects : NONE, context, raw.connector);
  }

  /** Starts building a command. */
  private begin(): void {
    this.extent.start = -1;
    this.extent.end = -1;
    this.wordCount = 0;
    this.jobsBefore = this.jobs.length;
  }

  /** Adds a word at local offsets `[start, end)` to the command being built. */
  private addWord(word: ShellWord, start: number, end: number): void {
    this.words[this.wordCount++] = word;
    this.extend(start, end, word.range);
  }

  /** Ends the command being built and adds it to {@link found}; none when it is empty. */
  private finish(
    assignments: readonly ShellAssignment[], redirects: readonly ShellRedirect[], context: readonly ShellContext[], connector: ShellConnector,
  ): SimpleCommand | undefined {
    const extent = this.extent;
    if (extent.start < 0) return undefined;
    const words = this.words;
    const n = this.wordCount;
    const command: SimpleCommand = {
      name: n > 0 ? words[0] : undefined,
      args: n > 1 ? words.slice(1, n) : NONE,
      assignments,
      redirects,
      context,
      connector,
      range: [extent.from, extent.to],
    };
    this.found.push(command);
    this.at.push(this.root(extent.start));
    for (let j = this.jobsBefore; j < this.jobs.length; j++) this.jobs[j].holder = command;
    return command;
  }

  /**
   * An assignment `image` at local offset `at` of the command being built (extending its extent);
   * `plain` and `analysis` say what the lexer knows of the whole word. Assignments and redirections
   * are rare: kept out of the loops over words, which V8 then optimises better.
   */
  private assignment(image: string, at: number, context: readonly ShellContext[], plain?: boolean, analysis?: WordAnalysis): ShellAssignment {
    const eq = image.indexOf("=");
    const value = eq + 1 < image.length
      ? this.word(image.slice(eq + 1), at + eq + 1, context, plain === true ? true : undefined, analysis && valueAnalysis(analysis, image, eq))
      : undefined;
    // A value ends where the assignment ends.
    const range: Range = value !== undefined ? [this.toSource(this.root(at)), value.range[1]] : this.range(at, at + image.length);
    this.extend(at, at + image.length, range);
    // The name before a subscript or `+=`, when the word is a well-formed assignment.
    const name = isAssignment(image, 0, image.length) ? image.slice(0, nameEnd(image, 0)) : image.slice(0, eq);
    return { name, value, range };
  }

  /** Extends {@link extent} with a part of the command at local offsets `[start, end)`, whose Dockerfile range is `range`. */
  private extend(start: number, end: number, range: Range): void {
    const extent = this.extent;
    if (start < extent.start || extent.start < 0) {
      extent.start = start;
      extent.from = range[0];
    }
    if (end > extent.end) {
      extent.end = end;
      extent.to = range[1];
    }
  }

  /**
   * A redirection of the command being built (extending its extent), with its here-document body
   * when it has one (whose substitutions are queued when it expands); its range ends where its
   * target does.
   */
  private redirect(r: RawRedirect, context: readonly ShellContext[], heredocs: ReadonlyMap<number, LexedHeredoc>): ShellRedirect {
    const op = r.op as RawToken;
    const heredoc = heredocs.get(op.startOffset);
    if (heredoc?.expands === true) {
      const text = this.job.text.slice(heredoc.start, heredoc.end);
      this.queue(heredocSubstitutions(text, this.placeAt(heredoc.start)), heredoc.start, context);
    }
    const heredocBody = heredoc?.body;
    const fd = real(r.fd) ? r.fd : undefined;
    const target = real(r.target) ? this.word(r.target.image, r.target.startOffset, context, r.target.plain, r.target.analysis) : undefined;
    const from = fd !== undefined ? fd.startOffset : op.startOffset;
    const redirect = {
      op: op.image,
      fd: fd !== undefined ? Number(fd.image) : undefined,
      target,
      range: target !== undefined ? [this.toSource(this.root(from)), target.range[1]] as Range : this.range(from, redirectEnd(r)),
    };
    this.extend(from, redirectEnd(r), redirect.range);
    return heredocBody === undefined ? redirect : { op: redirect.op, fd: redirect.fd, target, range: redirect.range, heredocBody };
  }
}

/**
 * The value of the assignment `image` (its `=` at `eq`) taken apart, from the whole word taken
 * apart (as the lexer did to find its end), so that it is not read again: the same parts without
 * the `name=` or `name+=` prefix, which begins the first literal part, and substitutions counted
 * from the value. Undefined when the name has a subscript (which may hold anything).
 */
function valueAnalysis(whole: WordAnalysis, image: string, eq: number): WordAnalysis | undefined {
  const end = nameEnd(image, 0);
  const first = whole.parts[0];
  if ((end !== eq && !(end === eq - 1 && image.charCodeAt(end) === PLUS)) || first?.kind !== "literal" || first.quoted !== "none") return undefined;
  const prefix = eq + 1;
  const rest = first.value.slice(prefix);
  const parts = whole.parts.slice(1);
  if (rest.length > 0) parts.unshift({ kind: "literal", value: rest, quoted: "none" });
  const substitutions = whole.substitutions.length === 0
    ? whole.substitutions
    : whole.substitutions.map((sub) => ({ part: sub.part, body: sub.body, offsets: sub.offsets?.map((offset) => offset - prefix), start: sub.start - prefix }));
  return { parts, value: whole.value?.slice(prefix), substitutions, problems: whole.problems };
}

/** Whether the numbers never decrease. */
function isSorted(numbers: readonly number[]): boolean {
  for (let i = 1; i < numbers.length; i++) if (numbers[i] < numbers[i - 1]) return false;
  return true;
}

/** The local offset after a redirection: after its target, or after its operator when the target is missing. */
function redirectEnd(r: RawRedirect): number {
  return real(r.target) ? r.target.startOffset + r.target.image.length : r.op.startOffset + r.op.image.length;
}

/**
 * A copy of `text` that V8 stores flat. A script is usually a slice of the Dockerfile source (or
 * lines joined by concatenation), and V8 reads each character of such a string through an
 * indirection to the string it was cut from. The scanners read every character at least once,
 * and run about a quarter faster on a flat copy, which costs far less than that. Joining an array
 * builds a new sequential string (a concatenation would build another indirect one); V8 copies
 * strings shorter than 13 characters when slicing, so those are flat already.
 */
function flatCopy(text: string): string {
  return text.length < 13 ? text : [text.slice(0, 1), text.slice(1)].join("");
}

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
  const builder = new ScriptBuilder(options?.dialect ?? "bash", source.toSource ?? IDENTITY, options?.engine !== "grammar", flatCopy(source.text));
  builder.run();
  const { found, at, diagnostics } = builder;
  let commands = found;
  if (builder.jobs.length > 1 && !isSorted(at)) {
    const order = found.map((_, i) => i).sort((a, b) => at[a] - at[b] || a - b);
    commands = order.map((i) => found[i]);
  }
  if (diagnostics.length > 1) diagnostics.sort((a, b) => a.range[0] - b.range[0]);
  return { commands, diagnostics };
}
