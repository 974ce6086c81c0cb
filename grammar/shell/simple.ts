/**
 * The fast path of the shell parser: a script made only of simple commands is read in one linear
 * pass, without chevrotain, into the same {@link RawScript} the grammar (`parser.ts`) produces.
 *
 * The envelope, which covers most RUN scripts (and most `$(…)` bodies): simple commands
 * (assignments, words, redirections) joined by `&&`, `||`, `|` (bash also `|&`), `;` and newlines,
 * with blanks, `\` line continuations and comments. Words are scanned by `scanWordEnd`, so quotes,
 * `$VAR`, `${…}`, `$(…)`, backquotes and globs inside words are in; their contents are the model's
 * business. Anything else makes {@link parseSimpleScript} return undefined and the caller use the
 * grammar: `( ) { }`, a reserved word or `!` in command position, `&`, `;;`, `;&`, here-documents
 * (`<<`, `<<-`), process substitutions (`<(…)`, `>(…)`) and every syntax error (an operator with
 * no command on one side, a redirection without a target).
 *
 * @packageDocumentation
 */
import type { ShellConnector, ShellContext } from "../../src/model/shell-types.js";
import type { RawCommand, RawRedirect, RawScript, RawToken } from "./parser.js";
import { BASH_RESERVED_WORDS, isAssignment, scanWordEnd, SH_RESERVED_WORDS, type ScanPlace } from "./scan.js";

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const CR = 13;
const FF = 12;
const VT = 11;
const BACKSLASH = 92;
const HASH = 35;
const SEMI = 59;
const AMP = 38;
const PIPE = 124;
const LESS = 60;
const GREAT = 62;
const LPAREN = 40;
const RPAREN = 41;
const DIGIT_0 = 48;
const DIGIT_9 = 57;

const NONE: readonly ShellContext[] = [];
const PIPELINE: readonly ShellContext[] = ["pipeline"];
const NO_LOOSE_WORDS: RawScript["looseWords"] = [];
const NO_ERRORS: RawScript["errors"] = [];

/** The offset after the blanks, `\` line continuations and comments at `i` (what the lexer skips). */
function skipTrivia(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === CR || c === FF || c === VT) i++;
    else if (c === BACKSLASH && text.charCodeAt(i + 1) === NEWLINE) i += 2;
    else if (c === BACKSLASH && text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === NEWLINE) i += 3;
    else if (c === HASH) {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? n : eol;
    } else break;
  }
  return i;
}

/** The end of the fd number (digits directly followed by `<` or `>`) at `i`, or -1. */
function ioNumberEnd(text: string, i: number): number {
  let j = i;
  for (let c = text.charCodeAt(j); c >= DIGIT_0 && c <= DIGIT_9; c = text.charCodeAt(++j));
  const next = text.charCodeAt(j);
  return j > i && (next === LESS || next === GREAT) ? j : -1;
}

/**
 * The length of the redirection operator at `i` (which holds `<`, `>` or, in bash, `&>`), or 0
 * for one outside the envelope (`<<`, `<<-`, `<(…)`, `>(…)`).
 */
function redirectLength(text: string, i: number, bash: boolean): number {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if (c === AMP) return text.charCodeAt(i + 2) === GREAT ? 3 : 2;
  if (bash && next === LPAREN) return 0;
  if (c === LESS) {
    if (next === LESS) return bash && text.charCodeAt(i + 2) === LESS ? 3 : 0;
    return next === GREAT || next === AMP ? 2 : 1;
  }
  return next === GREAT || next === AMP || next === PIPE ? 2 : 1;
}

/** Whether the character code ends a word (blank, newline or operator character). */
function isBreak(c: number): boolean {
  return c === SPACE || c === TAB || c === NEWLINE || c === CR || c === FF || c === VT || c === SEMI || c === AMP
    || c === PIPE || c === LESS || c === GREAT || c === LPAREN || c === RPAREN;
}

/**
 * Reads a script of simple commands in one pass; undefined when the script is outside the
 * envelope (see the module comment), and the grammar must read it. `place` locates the text in
 * the root script, as for the lexer.
 *
 * @example
 * parseSimpleScript("apt-get update && apt-get install -y curl", { base: 0, memo: undefined, bash: true })
 *   ?.commands.map((c) => c.connector); // [undefined, "&&"]
 * parseSimpleScript("if true; then a; fi", { base: 0, memo: undefined, bash: true }); // undefined
 */
export function parseSimpleScript(text: string, place: ScanPlace): RawScript | undefined {
  const bash = place.bash;
  const reserved = bash ? BASH_RESERVED_WORDS : SH_RESERVED_WORDS;
  const n = text.length;
  const commands: RawCommand[] = [];
  /** The command being read, once it has a first word, assignment or redirection. */
  let current: RawCommand | undefined;
  /** Whether it has its name (later words are arguments). */
  let named = false;
  /** Whether an `&&`, `||` or `|` waits for its command. */
  let afterOperator = false;
  let connector: ShellConnector = undefined;
  let pipelineStart = 0;
  let piped = false;

  const endPipeline = (): void => {
    if (piped) for (let k = pipelineStart; k < commands.length; k++) commands[k].context = PIPELINE;
    pipelineStart = commands.length;
    piped = false;
  };
  const open = (): RawCommand => {
    const command: RawCommand = { assignments: [], words: [], redirects: [], context: NONE, connector };
    commands.push(command);
    connector = undefined;
    named = false;
    afterOperator = false;
    return command;
  };

  let i = skipTrivia(text, 0);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      if (current !== undefined) {
        endPipeline();
        connector = "\n";
        current = undefined;
      }
      i = skipTrivia(text, i + 1);
      continue;
    }
    if (c === SEMI) {
      const next = text.charCodeAt(i + 1);
      if (current === undefined || next === SEMI || next === AMP) return undefined;
      endPipeline();
      connector = ";";
      current = undefined;
      i = skipTrivia(text, i + 1);
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if ((c === AMP && next === AMP) || (c === PIPE && next === PIPE)) {
      if (current === undefined) return undefined;
      endPipeline();
      connector = c === AMP ? "&&" : "||";
      current = undefined;
      afterOperator = true;
      i = skipTrivia(text, i + 2);
      continue;
    }
    if (c === PIPE) {
      if (current === undefined) return undefined;
      piped = true;
      connector = "|";
      current = undefined;
      afterOperator = true;
      i = skipTrivia(text, bash && next === AMP ? i + 2 : i + 1);
      continue;
    }
    if (c === LPAREN || c === RPAREN || (c === AMP && !(bash && next === GREAT))) return undefined;

    // A redirection (with its fd number) or a word: part of a command.
    const fdEnd = c >= DIGIT_0 && c <= DIGIT_9 ? ioNumberEnd(text, i) : -1;
    if (fdEnd >= 0 || c === LESS || c === GREAT || c === AMP) {
      const fd: RawToken | undefined = fdEnd >= 0 ? { image: text.slice(i, fdEnd), startOffset: i } : undefined;
      const opStart = fdEnd >= 0 ? fdEnd : i;
      const length = redirectLength(text, opStart, bash);
      if (length === 0) return undefined;
      const op: RawToken = { image: text.slice(opStart, opStart + length), startOffset: opStart };
      const targetStart = skipTrivia(text, opStart + length);
      if (targetStart >= n || isBreak(text.charCodeAt(targetStart)) || ioNumberEnd(text, targetStart) >= 0) return undefined;
      const targetEnd = scanWordEnd(text, targetStart, place);
      const redirect: RawRedirect = { fd, op, target: { image: text.slice(targetStart, targetEnd), startOffset: targetStart } };
      current ??= open();
      current.redirects.push(redirect);
      i = skipTrivia(text, targetEnd);
      continue;
    }
    const end = scanWordEnd(text, i, place);
    const word: RawToken = { image: text.slice(i, end), startOffset: i };
    current ??= open();
    if (named) current.words.push(word);
    else if (isAssignment(text, i, end)) current.assignments.push(word);
    else if (reserved.has(word.image)) return undefined;
    else {
      current.words.push(word);
      named = true;
    }
    i = skipTrivia(text, end);
  }
  if (afterOperator) return undefined;
  endPipeline();
  return { commands, looseWords: NO_LOOSE_WORDS, errors: NO_ERRORS };
}
