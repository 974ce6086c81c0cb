/**
 * The fast path of the shell parser: a hand-written lexer and recursive-descent parser that read a
 * valid script in one linear pass, without chevrotain, into the same {@link RawScript} as the
 * grammar (`tokens.ts` and `parser.ts`, the reference: this module mirrors them token for token
 * and rule for rule, and the tests check both agree over the corpus). A word that is not plain is
 * taken apart by the model's word reader while its end is found (`readWord`), so that it is read
 * once; its token carries the result.
 *
 * It gives up, and {@link parseFast} returns undefined so that the caller uses the grammar, on
 * every syntax error (the grammar's error recovery and messages stay the grammar's), on an
 * unterminated here-document, and on nesting deeper than {@link MAX_DEPTH} structures.
 *
 * @packageDocumentation
 */
import type { ShellConnector, ShellContext } from "../../src/model/shell-types.js";
import { pendingHeredoc, readHeredocBodies, type LexedHeredoc, type LexProblem, type PendingHeredoc } from "./heredoc.js";
import { CommandList } from "./command-list.js";
import type { RawLooseWord, RawRedirect, RawScript, RawToken } from "./parser.js";
import { isAssignment, Nest, plainWordEnd, scanWordEnd, skipNested, type ScanPlace } from "./scan.js";
import { readWord, type WordAnalysis } from "../../src/model/shell/word.js";

/** What the fast path read: the grammar's raw script and the here-document bodies. */
export interface FastScript extends RawScript {
  /** Here-document bodies keyed by the offset of their `<<` / `<<-` operator. */
  readonly heredocs: ReadonlyMap<number, LexedHeredoc>;
}

/**
 * Token kinds: the token types of `tokens.ts` (every redirection operator but `<<` and `<<-` is one
 * kind). `Word` is a plain word or an assignment: the parser tells them apart where it matters.
 */
const enum K {
  Word, IoNumber, ProcessSubstitution, ArithmeticCommand, Newline,
  AndIf, OrIf, DSemiAmp, DSemi, SemiAmp, Semi, Amp, PipeAmp, Pipe, Redirect, DLess, DLessDash, LParen, RParen,
  If, Then, Elif, Else, Fi, For, In, While, Until, Do, Done, Case, Esac, FunctionKw, LBrace, RBrace, Bang,
  DBracketOpen, DBracketClose, EOF,
}

const RESERVED = new Map<string, K>([
  ["if", K.If], ["then", K.Then], ["elif", K.Elif], ["else", K.Else], ["fi", K.Fi], ["for", K.For], ["in", K.In],
  ["while", K.While], ["until", K.Until], ["do", K.Do], ["done", K.Done], ["case", K.Case], ["esac", K.Esac],
  ["{", K.LBrace], ["}", K.RBrace], ["!", K.Bang], ["function", K.FunctionKw], ["[[", K.DBracketOpen], ["]]", K.DBracketClose],
]);
const BASH_ONLY = ["function", "[[", "]]"];
/** A word's first and last character codes and length, hashed to an index of {@link RESERVED_SHAPE}. */
function shape(first: number, last: number, length: number): number {
  return (first * 31 + last * 7 + length) & 1023;
}
/** Shapes of the reserved words: a word of another shape skips the lookup (which hashes the whole word). */
const RESERVED_SHAPE = new Uint8Array(1024);
for (const word of RESERVED.keys()) RESERVED_SHAPE[shape(word.charCodeAt(0), word.charCodeAt(word.length - 1), word.length)] = 1;
const LONGEST_RESERVED = Math.max(...[...RESERVED.keys()].map((word) => word.length));
const SH_RESERVED = new Map([...RESERVED].filter(([word]) => !BASH_ONLY.includes(word)));

/**
 * The reserved words of bash (whole unquoted words the grammar reads as keywords); POSIX sh has
 * all but `function`, `[[` and `]]`.
 *
 * @example
 * BASH_RESERVED_WORDS.has("then"); // true
 */
export const BASH_RESERVED_WORDS: ReadonlySet<string> = new Set(RESERVED.keys());
/**
 * The reserved words of POSIX sh.
 *
 * @example
 * SH_RESERVED_WORDS.has("[["); // false
 */
export const SH_RESERVED_WORDS: ReadonlySet<string> = new Set(SH_RESERVED.keys());

/** Nesting of structures past which the grammar (with its own guard) reads the script. */
const MAX_DEPTH = 200;

interface Token extends RawToken {
  readonly kind: K;
  readonly plain: boolean;
  readonly analysis: WordAnalysis | undefined;
}

const NEWLINE = 10;
const CR = 13;
const BACKSLASH = 92;
const HASH = 35;
const SEMI = 59;
const AMP = 38;
const PIPE = 124;
const LESS = 60;
const GREAT = 62;
const LPAREN = 40;
const RPAREN = 41;
const DASH = 45;
const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** What an ASCII character starts where a token may start; {@link Lead.Word} for any other character. */
const enum Lead { Word, Blank, Newline, Operator, Digit, Backslash, Hash }
const LEAD = new Uint8Array(128);
for (const c of " \t\r\f\v") LEAD[c.charCodeAt(0)] = Lead.Blank;
for (const c of ";&|<>()") LEAD[c.charCodeAt(0)] = Lead.Operator;
for (let c = DIGIT_0; c <= DIGIT_9; c++) LEAD[c] = Lead.Digit;
LEAD[NEWLINE] = Lead.Newline;
LEAD[BACKSLASH] = Lead.Backslash;
LEAD[HASH] = Lead.Hash;

/** Whether the character code is a blank (space, tab, CR, form feed or vertical tab). */
function isBlank(c: number): boolean {
  return c < 128 && LEAD[c] === Lead.Blank;
}

/** An operator token's spelling and kind. */
interface Operator {
  readonly image: string;
  readonly kind: K;
}
const op = (image: string, kind: K): Operator => ({ image, kind });
/** The operators (`; & | < > ( )` and their combinations): operator tokens share these images instead of slicing the text. */
const OP = {
  semiSemiAmp: op(";;&", K.DSemiAmp), semiSemi: op(";;", K.DSemi), semiAmp: op(";&", K.SemiAmp), semi: op(";", K.Semi),
  andIf: op("&&", K.AndIf), ampGreatGreat: op("&>>", K.Redirect), ampGreat: op("&>", K.Redirect), amp: op("&", K.Amp),
  orIf: op("||", K.OrIf), pipeAmp: op("|&", K.PipeAmp), pipe: op("|", K.Pipe),
  hereString: op("<<<", K.Redirect), dlessDash: op("<<-", K.DLessDash), dless: op("<<", K.DLess),
  lessGreat: op("<>", K.Redirect), lessAmp: op("<&", K.Redirect), less: op("<", K.Redirect),
  greatGreat: op(">>", K.Redirect), greatAmp: op(">&", K.Redirect), clobber: op(">|", K.Redirect), great: op(">", K.Redirect),
  lparen: op("(", K.LParen), rparen: op(")", K.RParen),
};

/** The operator at `i` (`; & | < > ( )`), as the lexer of `dialect` reads it. */
function operator(text: string, i: number, bash: boolean): Operator {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  const third = text.charCodeAt(i + 2);
  switch (c) {
    case SEMI:
      if (next === SEMI) return bash && third === AMP ? OP.semiSemiAmp : OP.semiSemi;
      return bash && next === AMP ? OP.semiAmp : OP.semi;
    case AMP:
      if (next === AMP) return OP.andIf;
      if (bash && next === GREAT) return third === GREAT ? OP.ampGreatGreat : OP.ampGreat;
      return OP.amp;
    case PIPE:
      if (next === PIPE) return OP.orIf;
      return bash && next === AMP ? OP.pipeAmp : OP.pipe;
    case LESS:
      if (next === LESS) {
        if (bash && third === LESS) return OP.hereString;
        return third === DASH ? OP.dlessDash : OP.dless;
      }
      return next === GREAT ? OP.lessGreat : next === AMP ? OP.lessAmp : OP.less;
    case GREAT:
      return next === GREAT ? OP.greatGreat : next === AMP ? OP.greatAmp : next === PIPE ? OP.clobber : OP.great;
    case LPAREN:
      return OP.lparen;
    default:
      return OP.rparen;
  }
}

/**
 * Splits a script into tokens as `tokens.ts` does, and reads its here-document bodies; undefined
 * when a here-document is unterminated.
 */
function tokenize(text: string, place: ScanPlace): { tokens: Token[]; heredocs: ReadonlyMap<number, LexedHeredoc> } | undefined {
  const bash = place.bash;
  const reserved = bash ? RESERVED : SH_RESERVED;
  const n = text.length;
  const tokens: Token[] = [];
  const pending: PendingHeredoc[] = [];
  let heredocs: Map<number, LexedHeredoc> | undefined;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    // Blanks, `\` line continuations and comments are skipped; newlines, fd numbers and operators
    // are tokens of their own; anything else starts a word.
    switch (c < 128 ? LEAD[c] : Lead.Word) {
      case Lead.Blank:
        do i++;
        while (i < n && isBlank(text.charCodeAt(i)));
        continue;
      case Lead.Hash: {
        const eol = text.indexOf("\n", i);
        i = eol < 0 ? n : eol;
        continue;
      }
      case Lead.Backslash: {
        const next = text.charCodeAt(i + 1);
        if (next === NEWLINE || (next === CR && text.charCodeAt(i + 2) === NEWLINE)) {
          i += next === NEWLINE ? 2 : 3;
          continue;
        }
        break;
      }
      case Lead.Newline:
        if (pending.length === 0) i++;
        else {
          const problems: LexProblem[] = [];
          i = readHeredocBodies(text, i, pending, (heredocs ??= new Map()), problems);
          if (problems.length > 0) return undefined;
        }
        tokens.push({ kind: K.Newline, image: "\n", startOffset: start, plain: false, analysis: undefined });
        continue;
      case Lead.Digit: {
        const end = ioNumberEnd(text, i);
        if (end === i) break;
        i = end;
        tokens.push({ kind: K.IoNumber, image: text.slice(start, i), startOffset: start, plain: false, analysis: undefined });
        continue;
      }
      case Lead.Operator: {
        const next = text.charCodeAt(i + 1);
        let kind: K;
        if (bash && (c === LESS || c === GREAT) && next === LPAREN) {
          i = skipNested(text, i + 2, Nest.Command, place);
          kind = K.ProcessSubstitution;
        } else if (bash && c === LPAREN && next === LPAREN && arithmeticEnd(text, i, place) > 0) {
          i = arithmeticEnd(text, i, place);
          kind = K.ArithmeticCommand;
        } else {
          const found = operator(text, i, bash);
          i += found.image.length;
          tokens.push({ kind: found.kind, image: found.image, startOffset: start, plain: false, analysis: undefined });
          continue;
        }
        tokens.push({ kind, image: text.slice(start, i), startOffset: start, plain: false, analysis: undefined });
        continue;
      }
    }
    // A word that is not plain is taken apart while its end is found (the model reads it so).
    const plainEnd = plainWordEnd(text, i);
    const analysis = plainEnd >= 0 ? undefined : readWord(text, i, place);
    i = plainEnd >= 0 ? plainEnd : analysis !== undefined ? analysis.end : scanWordEnd(text, i, place);
    const image = text.slice(start, i);
    const reservedShape = i - start <= LONGEST_RESERVED && RESERVED_SHAPE[shape(c, text.charCodeAt(i - 1), i - start)] === 1;
    let kind = reservedShape ? reserved.get(image) : undefined;
    if (kind === undefined) {
      kind = K.Word;
      const previous = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
      if (previous !== undefined && (previous.kind === K.DLess || previous.kind === K.DLessDash) && !isAssignment(text, start, i)) {
        pending.push(pendingHeredoc(previous.startOffset, image, previous.kind === K.DLessDash));
      }
    }
    tokens.push({ kind, image, startOffset: start, plain: plainEnd >= 0, analysis });
  }
  tokens.push({ kind: K.EOF, image: "", startOffset: n, plain: false, analysis: undefined });
  return { tokens, heredocs: heredocs ?? NO_HEREDOCS };
}

/** The end of the fd number (digits directly followed by `<` or `>`) at `i`; `i` when there is none. */
function ioNumberEnd(text: string, i: number): number {
  let j = i;
  for (let c = text.charCodeAt(j); c >= DIGIT_0 && c <= DIGIT_9; c = text.charCodeAt(++j));
  const next = text.charCodeAt(j);
  return next === LESS || next === GREAT ? j : i;
}

/** The end of the bash `(( … ))` at `i`, or 0 when `((` does not close with `))` there. */
function arithmeticEnd(text: string, i: number, place: ScanPlace): number {
  const end = skipNested(text, i + 2, Nest.Arithmetic, place);
  return text.startsWith("))", end - 2) && end - 2 >= i + 2 ? end : 0;
}

function isWordLike(kind: K): boolean {
  return kind === K.Word || kind === K.ProcessSubstitution || (kind >= K.If && kind <= K.DBracketClose);
}

function isRedirectStart(kind: K): boolean {
  return kind === K.IoNumber || kind === K.Redirect || kind === K.DLess || kind === K.DLessDash;
}

/** Whether a command can start with the token (`command`'s first set in the grammar). */
function startsCommand(kind: K): boolean {
  switch (kind) {
    case K.Word: case K.IoNumber: case K.Redirect: case K.DLess: case K.DLessDash:
    case K.LParen: case K.LBrace: case K.If: case K.For: case K.While: case K.Until: case K.Case:
    case K.DBracketOpen: case K.ArithmeticCommand: case K.FunctionKw:
      return true;
    default:
      return false;
  }
}

type Ctx = readonly ShellContext[];

/** Thrown to give the script up to the grammar. */
const GIVE_UP = new Error("outside the fast path");

/** The recursive-descent parser: `parser.ts`'s rules, one method each, with the same actions. */
class FastParser {
  readonly output = new CommandList();
  readonly loose: RawLooseWord[] = [];
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  /** Whether the next token is an assignment word. */
  private atAssignment(): boolean {
    const token = this.tokens[this.pos];
    return token.kind === K.Word && isAssignment(token.image, 0, token.image.length);
  }

  private peek(): K {
    return this.tokens[this.pos].kind;
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private expect(kind: K): Token {
    if (this.tokens[this.pos].kind !== kind) throw GIVE_UP;
    return this.tokens[this.pos++];
  }

  private expectWord(): Token {
    if (!isWordLike(this.tokens[this.pos].kind)) throw GIVE_UP;
    return this.tokens[this.pos++];
  }

  /** Takes a `!` when one comes next. */
  private bang(): boolean {
    if (this.peek() !== K.Bang) return false;
    this.pos++;
    return true;
  }

  private newlines(): void {
    while (this.tokens[this.pos].kind === K.Newline) this.pos++;
  }

  script(): void {
    this.list([], true);
    if (this.peek() !== K.EOF) throw GIVE_UP;
  }

  private list(ctx: Ctx, keep: boolean): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    if (!keep) this.output.connector = undefined;
    this.newlines();
    for (let kind = this.peek(); kind === K.Bang || startsCommand(kind); kind = this.peek()) {
      const first = this.output.commands.length;
      this.andOr(ctx);
      const separator = this.peek();
      if (separator === K.Semi || separator === K.Amp || separator === K.Newline) {
        const token = this.next();
        if (separator === K.Amp) this.output.mark(first, ctx.length, "background");
        this.output.connector = separator === K.Newline ? "\n" : (token.image as ShellConnector);
        this.newlines();
      }
    }
    this.depth--;
  }

  private andOr(ctx: Ctx): void {
    const pipelines = this.output.andOr(ctx.length, this.bang());
    this.command(ctx);
    for (let op = this.peek(); op === K.AndIf || op === K.OrIf || op === K.Pipe || op === K.PipeAmp; op = this.peek()) {
      pipelines.operator(this.next().image);
      this.newlines();
      pipelines.negation(this.bang());
      this.command(ctx);
    }
    pipelines.end();
  }

  private command(ctx: Ctx): void {
    const kind = this.peek();
    if ((kind === K.Word && this.tokens[this.pos + 1].kind === K.LParen && !this.atAssignment()) || kind === K.FunctionKw) {
      this.functionDefinition(ctx);
    } else if (kind === K.Word || isRedirectStart(kind)) this.simpleCommand(ctx);
    else {
      this.compound(ctx);
      this.compoundRedirects(ctx);
    }
  }

  private functionDefinition(ctx: Ctx): void {
    if (this.next().kind === K.Word) {
      this.expect(K.LParen);
      this.expect(K.RParen);
    } else {
      this.expectWord();
      if (this.peek() === K.LParen) {
        this.next();
        this.expect(K.RParen);
      }
    }
    this.newlines();
    this.compound([...ctx, "function-body"]);
    this.compoundRedirects(ctx);
  }

  private compoundRedirects(ctx: Ctx): void {
    while (isRedirectStart(this.peek())) {
      const target = this.redirect().target;
      if (target !== undefined) this.loose.push({ token: target, context: ctx });
    }
  }

  private simpleCommand(ctx: Ctx): void {
    const command = this.output.emit(ctx);
    for (let assignment = this.atAssignment(); assignment || isRedirectStart(this.peek()); assignment = this.atAssignment()) {
      if (assignment) command.assignments.push(this.next());
      else command.redirects.push(this.redirect());
    }
    if (this.peek() === K.Word) command.words.push(this.next());
    for (let kind = this.peek(); ; kind = this.peek()) {
      if (isWordLike(kind)) command.words.push(this.next());
      else if (isRedirectStart(kind)) command.redirects.push(this.redirect());
      else break;
    }
  }

  private redirect(): RawRedirect {
    const fd = this.peek() === K.IoNumber ? this.next() : undefined;
    if (!isRedirectStart(this.peek()) || this.peek() === K.IoNumber) throw GIVE_UP;
    const op = this.next();
    return { fd, op, target: this.expectWord() };
  }

  private compound(ctx: Ctx): void {
    switch (this.peek()) {
      case K.LParen:
        this.next();
        this.list([...ctx, "subshell"], true);
        this.expect(K.RParen);
        return;
      case K.LBrace:
        this.next();
        this.list([...ctx, "group"], true);
        this.expect(K.RBrace);
        return;
      case K.If:
        return this.ifClause(ctx);
      case K.For:
        return this.forClause(ctx);
      case K.While:
      case K.Until:
        return this.loopClause(ctx);
      case K.Case:
        return this.caseClause(ctx);
      case K.DBracketOpen:
        return this.testClause(ctx);
      case K.ArithmeticCommand:
        this.next();
        return;
      default:
        throw GIVE_UP;
    }
  }

  private ifClause(ctx: Ctx): void {
    const condition: Ctx = [...ctx, "if-condition"];
    const body: Ctx = [...ctx, "if-body"];
    this.next();
    this.list(condition, true);
    this.expect(K.Then);
    this.list(body, false);
    while (this.peek() === K.Elif) {
      this.next();
      this.list(condition, false);
      this.expect(K.Then);
      this.list(body, false);
    }
    if (this.peek() === K.Else) {
      this.next();
      this.list([...ctx, "else-body"], false);
    }
    this.expect(K.Fi);
  }

  private forClause(ctx: Ctx): void {
    this.next();
    if (this.peek() === K.ArithmeticCommand) this.next();
    else {
      this.expectWord();
      let k = this.pos;
      while (this.tokens[k].kind === K.Newline) k++;
      if (this.tokens[k].kind === K.In) {
        this.pos = k + 1;
        while (isWordLike(this.peek())) this.loose.push({ token: this.next(), context: ctx });
      }
    }
    if (this.peek() === K.Semi || this.peek() === K.Newline) this.next();
    this.newlines();
    this.doGroup([...ctx, "for-body"]);
  }

  private loopClause(ctx: Ctx): void {
    const until = this.next().kind === K.Until;
    this.list([...ctx, until ? "until-condition" : "while-condition"], true);
    this.doGroup([...ctx, until ? "until-body" : "while-body"]);
  }

  private doGroup(body: Ctx): void {
    this.expect(K.Do);
    this.list(body, false);
    this.expect(K.Done);
  }

  private caseClause(ctx: Ctx): void {
    this.next();
    this.loose.push({ token: this.expectWord(), context: ctx });
    this.newlines();
    this.expect(K.In);
    this.newlines();
    const body: Ctx = [...ctx, "case-body"];
    for (let kind = this.peek(); kind !== K.Esac && (kind === K.LParen || isWordLike(kind)); kind = this.peek()) {
      this.caseItem(body);
    }
    this.expect(K.Esac);
  }

  private caseItem(body: Ctx): void {
    if (this.peek() === K.LParen) this.next();
    this.expectWord();
    while (this.peek() === K.Pipe) {
      this.next();
      this.expectWord();
    }
    this.expect(K.RParen);
    this.list(body, false);
    const end = this.peek();
    if (end === K.DSemi || end === K.SemiAmp || end === K.DSemiAmp) this.next();
    this.newlines();
  }

  private testClause(ctx: Ctx): void {
    const command = this.output.emit(ctx);
    command.words.push(this.next());
    for (let kind = this.peek(); kind !== K.DBracketClose && kind !== K.EOF; kind = this.peek()) {
      const token = this.next();
      if (kind !== K.Newline) command.words.push(token);
    }
    command.words.push(this.expect(K.DBracketClose));
  }
}

const NO_ERRORS: RawScript["errors"] = [];
/** The here-documents of a script that has none. */
const NO_HEREDOCS: ReadonlyMap<number, LexedHeredoc> = new Map();

/**
 * Reads a script in one pass; undefined when it holds a syntax error, an unterminated
 * here-document or very deep nesting, for the grammar to read (with its error recovery). `place`
 * locates the text in the root script, as for the lexer.
 *
 * @example
 * parseFast("apt-get update && apt-get install -y curl", { base: 0, memo: undefined, bash: true })
 *   ?.commands.map((c) => c.connector); // [undefined, "&&"]
 * parseFast("if true; then a; fi fi", { base: 0, memo: undefined, bash: true }); // undefined
 */
export function parseFast(text: string, place: ScanPlace): FastScript | undefined {
  const lexed = tokenize(text, place);
  if (lexed === undefined) return undefined;
  const parser = new FastParser(lexed.tokens);
  try {
    parser.script();
  } catch {
    // GIVE_UP, or anything unforeseen: the grammar reads the script.
    return undefined;
  }
  return { commands: parser.output.commands, looseWords: parser.loose, errors: NO_ERRORS, heredocs: lexed.heredocs };
}
