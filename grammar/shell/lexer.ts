/**
 * The shell lexer: one chevrotain `Lexer` with a mode per dialect, built on first use (most
 * scripts never need it: the fast path of `fast.ts` reads them) and reused for every script.
 *
 * @packageDocumentation
 */
import { Lexer, type IToken } from "chevrotain";
import { lexerDefinition, lexState, type LexedHeredoc, type LexProblem } from "./tokens.js";
import type { ScanMemo } from "./scan.js";

/** The result of lexing one script. */
export interface ShellTokens {
  readonly tokens: IToken[];
  /** Here-document bodies keyed by the offset of their `<<` / `<<-` operator. */
  readonly heredocs: ReadonlyMap<number, LexedHeredoc>;
  readonly problems: readonly LexProblem[];
}

/** Where the lexed text sits in the root script. */
export interface LexOptions {
  readonly dialect: "sh" | "bash";
  /** Offset of the text in the root script (used to share `memo` between nested scripts). */
  readonly base: number;
  /** Known ends of `$(…)` by absolute offset; undefined when the text is not a slice of the root. */
  readonly memo: ScanMemo | undefined;
}

/**
 * Builds the shell lexer; `validate` runs chevrotain's lexer validations (tests only).
 *
 * @example
 * const lexer = createShellLexer(true);
 */
export function createShellLexer(validate: boolean): Lexer {
  return new Lexer(lexerDefinition, {
    positionTracking: "onlyOffset",
    skipValidations: !validate,
    ensureOptimizations: validate,
  });
}

let lexer: Lexer | undefined;

/**
 * Splits a script into tokens. Never throws: characters no token matches become problems.
 *
 * @example
 * lexShell("a && b", { dialect: "bash", base: 0, memo: undefined }).tokens.length; // 3
 */
export function lexShell(text: string, options: LexOptions): ShellTokens {
  const state = lexState;
  state.place = { base: options.base, memo: options.memo, bash: options.dialect === "bash" };
  state.pending = [];
  state.heredocs = new Map();
  state.problems = [];
  state.cacheText = "";
  state.cacheOffset = -1;
  lexer ??= createShellLexer(false);
  const result = lexer.tokenize(text, options.dialect);
  const problems = state.problems;
  for (const error of result.errors) {
    problems.push({ message: `Unexpected character '${text[error.offset]}'.`, start: error.offset, end: error.offset + error.length });
  }
  return { tokens: result.tokens, heredocs: state.heredocs, problems };
}
