/**
 * Token types of the shell grammar. Operators are plain strings; words, reserved words, fd
 * numbers, process substitutions and newlines (which carry pending here-document bodies) are
 * custom patterns driven by {@link lexState}, the per-tokenize state of the lexer.
 *
 * Reserved words (`if`, `then`, `{`, `!`, …) are their own token types only when the whole word
 * is exactly that spelling, unquoted; all of them also belong to `T.WordLike`, so the grammar
 * takes them as ordinary arguments wherever a command name is not expected (`echo if`).
 *
 * @packageDocumentation
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from "chevrotain";
import { pendingHeredoc, readHeredocBodies, type LexedHeredoc, type LexProblem, type PendingHeredoc } from "./heredoc.js";
import { isAssignment, scanWordEnd, skipNested, Nest, WORD_BREAKS, type ScanPlace } from "./scan.js";

export type { LexedHeredoc, LexProblem } from "./heredoc.js";

/**
 * Mutable state of one tokenize call, read and written by the custom patterns: reset by
 * `lexShell` before each run, read back after it.
 *
 * @example
 * lexer.tokenize(text, "bash");
 * lexState.heredocs.get(offsetOfLessLess)?.body;
 */
export const lexState = {
  place: { base: 0, memo: undefined, bash: true } as ScanPlace,
  pending: [] as PendingHeredoc[],
  heredocs: new Map<number, LexedHeredoc>(),
  problems: [] as LexProblem[],
  cacheText: "",
  cacheOffset: -1,
  cacheEnd: -1,
};

/** The end of the word at `offset`, memoised: several token types test the same word. */
function wordEnd(text: string, offset: number): number {
  const s = lexState;
  if (s.cacheOffset !== offset || s.cacheText !== text) {
    s.cacheText = text;
    s.cacheOffset = offset;
    s.cacheEnd = scanWordEnd(text, offset, s.place);
  }
  return s.cacheEnd;
}

function matched(image: string): CustomPatternMatcherReturn {
  return [image] as CustomPatternMatcherReturn;
}

/**
 * Start-character hints for word tokens: every code unit below 256 that does not break a word, and
 * one code unit per bucket above (chevrotain files code units from 256 up by `floor(code / 255)`,
 * so one hint stands for its whole bucket; the grammar tests lex words starting all over the range).
 */
const WORD_START: number[] = [];
for (let c = 0; c < 256; c++) if (c > 127 || !WORD_BREAKS.includes(String.fromCharCode(c))) WORD_START.push(c);
for (let bucket = 1; bucket * 255 < 65536; bucket++) WORD_START.push(Math.max(256, bucket * 255));

/** Any word: the category the grammar consumes for arguments. */
const WordLike = createToken({ name: "WordLike", pattern: Lexer.NA, label: "a word" });
/** Every token except `]]`: what `[[ … ]]` may contain. */
const InTest = createToken({ name: "InTest", pattern: Lexer.NA });
/** Redirection operators. */
const RedirOp = createToken({ name: "RedirOp", pattern: Lexer.NA, label: "a redirection" });
/** Tokens that cannot start a command: at top level they are reported and skipped. */
const Stray = createToken({ name: "Stray", pattern: Lexer.NA });
/** `&& || | |&`: the operators inside an and-or list. */
const AndOrOp = createToken({ name: "AndOrOp", pattern: Lexer.NA, label: "'&&', '||' or '|'" });
/** `; &` and newline: what ends an and-or list. */
const Separator = createToken({ name: "Separator", pattern: Lexer.NA, label: "';', '&' or a newline" });

/** The categories of an ordinary word. */
const WORD = [WordLike, InTest];

/** A word that is not a reserved word nor an assignment. */
const PlainWord = createToken({
  name: "PlainWord",
  label: "a word",
  categories: WORD,
  start_chars_hint: WORD_START,
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number, tokens: IToken[]): CustomPatternMatcherReturn | null {
      const end = wordEnd(text, offset);
      if (end === offset) return null;
      const image = text.slice(offset, end);
      const previous = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
      if (previous !== undefined && (previous.tokenType === DLess || previous.tokenType === DLessDash)) {
        lexState.pending.push(pendingHeredoc(previous.startOffset, image, previous.tokenType === DLessDash));
      }
      return matched(image);
    },
  },
});

/** `name=value`, `name+=value`, `name[i]=value`, `name=(…)`. */
const AssignmentWord = createToken({
  name: "AssignmentWord",
  label: "an assignment",
  categories: WORD,
  start_chars_hint: [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"],
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number): CustomPatternMatcherReturn | null {
      const end = wordEnd(text, offset);
      return isAssignment(text, offset, end) ? matched(text.slice(offset, end)) : null;
    },
  },
});

/** A reserved word: exactly `spelling`, unquoted, as a whole word. */
function reserved(name: string, spelling: string, categories: TokenType[] = WORD): TokenType {
  return createToken({
    name,
    label: `'${spelling}'`,
    categories,
    start_chars_hint: [spelling[0]],
    pattern: {
      exec(text: string, offset: number): CustomPatternMatcherReturn | null {
        return wordEnd(text, offset) - offset === spelling.length && text.startsWith(spelling, offset)
          ? matched(spelling)
          : null;
      },
    },
  });
}

const If = reserved("If", "if");
const Then = reserved("Then", "then", [...WORD, Stray]);
const Elif = reserved("Elif", "elif", [...WORD, Stray]);
const Else = reserved("Else", "else", [...WORD, Stray]);
const Fi = reserved("Fi", "fi", [...WORD, Stray]);
const For = reserved("For", "for");
const In = reserved("In", "in", [...WORD, Stray]);
const While = reserved("While", "while");
const Until = reserved("Until", "until");
const Do = reserved("Do", "do", [...WORD, Stray]);
const Done = reserved("Done", "done", [...WORD, Stray]);
const Case = reserved("Case", "case");
const Esac = reserved("Esac", "esac", [...WORD, Stray]);
const FunctionKw = reserved("FunctionKw", "function");
const LBrace = reserved("LBrace", "{");
const RBrace = reserved("RBrace", "}", [...WORD, Stray]);
const Bang = reserved("Bang", "!");
const DBracketOpen = reserved("DBracketOpen", "[[");
/** `]]`: a word, but not part of `InTest` (it ends `[[ … ]]`). */
const DBracketClose = reserved("DBracketClose", "]]", [WordLike, Stray]);

const DIGIT_START = [..."0123456789"];

/** The fd number of a redirection: digits directly followed by `<` or `>`. */
const IoNumber = createToken({
  name: "IoNumber",
  label: "a file descriptor",
  categories: [InTest],
  start_chars_hint: DIGIT_START,
  pattern: {
    exec(text: string, offset: number): CustomPatternMatcherReturn | null {
      let i = offset;
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const next = text[i];
      return i > offset && (next === "<" || next === ">") ? matched(text.slice(offset, i)) : null;
    },
  },
});

/** bash `<(…)` and `>(…)`. */
const ProcessSubstitution = createToken({
  name: "ProcessSubstitution",
  label: "a process substitution",
  categories: WORD,
  start_chars_hint: ["<", ">"],
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number): CustomPatternMatcherReturn | null {
      if (text.charCodeAt(offset + 1) !== 40) return null;
      return matched(text.slice(offset, skipNested(text, offset + 2, Nest.Command, lexState.place)));
    },
  },
});

/** bash `(( … ))`: an arithmetic command (bash reads `((` as arithmetic before nested subshells). */
const ArithmeticCommand = createToken({
  name: "ArithmeticCommand",
  label: "an arithmetic command",
  categories: [InTest],
  start_chars_hint: ["("],
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number): CustomPatternMatcherReturn | null {
      if (text.charCodeAt(offset + 1) !== 40) return null;
      const end = skipNested(text, offset + 2, Nest.Arithmetic, lexState.place);
      return text.startsWith("))", end - 2) && end - 2 >= offset + 2 ? matched(text.slice(offset, end)) : null;
    },
  },
});

/** A newline; it also swallows the bodies of here-documents started on its line. */
const Newline = createToken({
  name: "Newline",
  label: "a newline",
  categories: [InTest, Separator],
  start_chars_hint: ["\n"],
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number): CustomPatternMatcherReturn | null {
      if (text.charCodeAt(offset) !== 10) return null;
      if (lexState.pending.length === 0) return matched("\n");
      const s = lexState;
      return matched(text.slice(offset, readHeredocBodies(text, offset, s.pending, s.heredocs, s.problems)));
    },
  },
});

/** Blanks and `\` line continuations. */
const Blank = createToken({ name: "Blank", pattern: /(?:[ \t\r\f\v]|\\\r?\n)+/, group: Lexer.SKIPPED, line_breaks: true });
/** A comment: `#` at the start of a word, to the end of the line. */
const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, group: Lexer.SKIPPED });

function op(name: string, image: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern: image, label: `'${image}'`, categories: [InTest, ...categories] });
}

const AndIf = op("AndIf", "&&", [Stray, AndOrOp]);
const OrIf = op("OrIf", "||", [Stray, AndOrOp]);
const DSemiAmp = op("DSemiAmp", ";;&", [Stray]);
const DSemi = op("DSemi", ";;", [Stray]);
const SemiAmp = op("SemiAmp", ";&", [Stray]);
const Semi = op("Semi", ";", [Stray, Separator]);
const AndGreatGreat = op("AndGreatGreat", "&>>", [RedirOp]);
const AndGreat = op("AndGreat", "&>", [RedirOp]);
const Amp = op("Amp", "&", [Stray, Separator]);
const PipeAmp = op("PipeAmp", "|&", [Stray, AndOrOp]);
const Pipe = op("Pipe", "|", [Stray, AndOrOp]);
const TLess = op("TLess", "<<<", [RedirOp]);
const DLessDash = op("DLessDash", "<<-", [RedirOp]);
const DLess = op("DLess", "<<", [RedirOp]);
const LessGreat = op("LessGreat", "<>", [RedirOp]);
const LessAnd = op("LessAnd", "<&", [RedirOp]);
const Less = op("Less", "<", [RedirOp]);
const DGreat = op("DGreat", ">>", [RedirOp]);
const GreatAnd = op("GreatAnd", ">&", [RedirOp]);
const Clobber = op("Clobber", ">|", [RedirOp]);
const Great = op("Great", ">", [RedirOp]);
const LParen = op("LParen", "(");
const RParen = op("RParen", ")", [Stray]);

/** Tokens of POSIX sh, in matching order. */
const SH_TOKENS: TokenType[] = [
  Newline, Blank, Comment, IoNumber,
  AndIf, OrIf, DSemi, Semi, Amp, Pipe,
  DLessDash, DLess, LessGreat, LessAnd, Less, DGreat, GreatAnd, Clobber, Great, LParen, RParen,
  If, Then, Elif, Else, Fi, For, In, While, Until, Do, Done, Case, Esac, LBrace, RBrace, Bang,
  AssignmentWord, PlainWord,
];

/** Tokens of bash, in matching order. */
const BASH_TOKENS: TokenType[] = [
  Newline, Blank, Comment, IoNumber, ProcessSubstitution, ArithmeticCommand,
  AndIf, OrIf, DSemiAmp, DSemi, SemiAmp, Semi, AndGreatGreat, AndGreat, Amp, PipeAmp, Pipe,
  TLess, DLessDash, DLess, LessGreat, LessAnd, Less, DGreat, GreatAnd, Clobber, Great, LParen, RParen,
  If, Then, Elif, Else, Fi, For, In, While, Until, Do, Done, Case, Esac, FunctionKw, LBrace, RBrace, Bang,
  DBracketOpen, DBracketClose, AssignmentWord, PlainWord,
];

/**
 * The multi-mode lexer definition: one mode per dialect, chosen per call.
 *
 * @example
 * new Lexer(lexerDefinition).tokenize("a &> b", "sh"); // a, &, >, b
 */
export const lexerDefinition = {
  modes: { sh: SH_TOKENS, bash: BASH_TOKENS },
  defaultMode: "bash",
};

/**
 * The token types, by name: the parser's vocabulary. Categories: `WordLike` (any word, reserved
 * words included), `InTest` (anything but `]]`), `RedirOp` (redirection operators), `Stray`
 * (tokens that cannot start a command), `AndOrOp` (`&& || | |&`) and `Separator` (`; &` newline).
 *
 * @example
 * parser.CONSUME(T.WordLike);
 */
export const T = {
  WordLike, InTest, RedirOp, Stray, AndOrOp, Separator, PlainWord, AssignmentWord, If, Then, Elif, Else, Fi, For, In, While, Until, Do, Done, Case, Esac, FunctionKw, LBrace, RBrace, Bang, DBracketOpen, DBracketClose, IoNumber, ProcessSubstitution, ArithmeticCommand, Newline, Blank, Comment, AndIf, OrIf, DSemiAmp, DSemi, SemiAmp, Semi, AndGreatGreat, AndGreat, Amp, PipeAmp, Pipe, TLess, DLessDash, DLess, LessGreat, LessAnd, Less, DGreat, GreatAnd, Clobber, Great, LParen, RParen,
} as const;

/**
 * Every token type, categories included: the parser's vocabulary.
 *
 * @example
 * class P extends EmbeddedActionsParser { constructor() { super(allTokenTypes); } }
 */
export const allTokenTypes: TokenType[] = [WordLike, InTest, RedirOp, Stray, AndOrOp, Separator, ...BASH_TOKENS];
