/**
 * The fast path of the shell parser: a hand-written lexer and recursive-descent parser that read a
 * valid script in one linear pass, without chevrotain (`tokens.ts` and `parser.ts` are the
 * reference: this module mirrors them token for token and rule for rule, and the tests check both
 * agree over the corpus). A word that is not plain is taken apart by the model's word reader while
 * its end is found (`readWord`), so that it is read once; its token carries the result.
 *
 * Nothing is built in between: the tokens are numbers in one reused {@link FastTokens} buffer, and
 * each simple command is handed, as a range of tokens, to a {@link FastBuilder} (the model's script
 * builder) as soon as it is read.
 *
 * It gives up, and {@link parseFast} returns undefined so that the caller uses the grammar, on
 * every syntax error (the grammar's error recovery and messages stay the grammar's), on an
 * unterminated here-document, and on nesting deeper than {@link MAX_DEPTH} structures.
 *
 * @packageDocumentation
 */
import type { ShellConnector, ShellContext } from "../../src/model/shell-types.js";
import { pendingHeredoc, readHeredocBodies, type LexedHeredoc, type LexProblem, type PendingHeredoc } from "./heredoc.js";
import { CommandList, type Marked } from "./command-list.js";
import type { RawToken } from "./parser.js";
import { isAssignment, Nest, plainWordEnd, scanWordEnd, skipNested, type ScanPlace } from "./scan.js";
import { readWord, type WordAnalysis } from "../../src/model/shell/word.js";

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

/** The here-documents of a script that has none. */
const NO_HEREDOCS: ReadonlyMap<number, LexedHeredoc> = new Map();

/** The room for tokens of the buffer, and the most it keeps once a script is read. */
const INITIAL_TOKENS = 256;
const KEPT_TOKENS = 65_536;

/** Nesting of structures past which the grammar (with its own guard) reads the script. */
const MAX_DEPTH = 200;

/** What a token is in the simple command holding it (set by the parser). */
export const enum Role { None, Assignment, Word, Fd, Redirect, Target }

/**
 * The tokens of the script being read, as parallel arrays: kind, role, offsets, whether a word is
 * plain, and the word taken apart when the lexer took it apart. One buffer serves every script
 * (`parseFast` never nests: substitution bodies are read one after another), and it lets go of
 * the words it took apart when the script is read.
 */
export class FastTokens {
  /** The script. */
  text = "";
  /** How many tokens the buffer holds (the last one is the end of the script). */
  count = 0;
  /** Here-document bodies keyed by the offset of their `<<` / `<<-` operator. */
  heredocs: ReadonlyMap<number, LexedHeredoc> = NO_HEREDOCS;
  /** Each token's kind (a `K`), role in its simple command (a {@link Role}), and offsets in the script. */
  kinds!: Uint8Array;
  roles!: Uint8Array;
  starts!: Int32Array;
  ends!: Int32Array;
  /** 1 for a plain word (its text is its value). */
  plains!: Uint8Array;
  /** The words taken apart, in order, and the index in this list of each token's (-1 for none). */
  private readonly analyses: WordAnalysis[] = [];
  private analysisOf!: Int32Array;

  constructor() {
    this.allocate(INITIAL_TOKENS);
  }

  /** Makes the arrays room for `size` tokens, keeping the first {@link count}. */
  private allocate(size: number): void {
    const n = this.count;
    const copy = <T extends Uint8Array | Int32Array>(old: T | undefined, made: T): T => {
      if (old !== undefined && n > 0) made.set(old.subarray(0, n));
      return made;
    };
    this.kinds = copy(this.kinds, new Uint8Array(size));
    this.roles = copy(this.roles, new Uint8Array(size));
    this.starts = copy(this.starts, new Int32Array(size));
    this.ends = copy(this.ends, new Int32Array(size));
    this.plains = copy(this.plains, new Uint8Array(size));
    this.analysisOf = copy(this.analysisOf, new Int32Array(size));
  }

  /** Starts reading the script `text` (the buffer is empty: see {@link release}). */
  reset(text: string): void {
    this.text = text;
    this.count = 0;
    this.heredocs = NO_HEREDOCS;
  }

  /**
   * Lets go of the script and of the words taken apart, once the script is read (and of arrays
   * grown past {@link KEPT_TOKENS} tokens by a huge script).
   */
  release(): void {
    this.text = "";
    this.count = 0;
    this.heredocs = NO_HEREDOCS;
    if (this.analyses.length > 0) this.analyses.length = 0;
    if (this.kinds.length > KEPT_TOKENS) this.allocate(INITIAL_TOKENS);
  }

  /** Adds a token. */
  push(kind: K, start: number, end: number, plain: boolean, analysis: WordAnalysis | undefined): void {
    if (this.count === this.kinds.length) this.allocate(this.count * 2);
    const i = this.count++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.plains[i] = plain ? 1 : 0;
    if (analysis === undefined) this.analysisOf[i] = -1;
    else {
      this.analysisOf[i] = this.analyses.length;
      this.analyses.push(analysis);
    }
  }

  /** The text of token `i`. */
  image(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** Whether token `i` is a plain word (its text is its value). */
  plain(i: number): boolean {
    return this.plains[i] === 1;
  }

  /** Token `i` taken apart, when the lexer took it apart. */
  analysis(i: number): WordAnalysis | undefined {
    const k = this.analysisOf[i];
    return k < 0 ? undefined : this.analyses[k];
  }

  /** Token `i` as the grammar's parser hands tokens on. */
  token(i: number): RawToken {
    return { image: this.image(i), startOffset: this.starts[i], plain: this.plain(i), analysis: this.analysis(i) };
  }
}

/**
 * Where the fast path hands what it reads, in source order: each simple command (built at once,
 * so the builder's commands carry their contexts, which pipeline, `!` and `&` marks replace until
 * the parse ends) and then the words outside simple commands.
 */
export interface FastBuilder<C extends Marked> {
  /**
   * The simple command made of tokens `[first, end)` (their roles say what each is; `assignments`
   * and `redirects` count those roles among them), in context `ctx`, after `connector`.
   */
  command(tokens: FastTokens, first: number, end: number, ctx: Ctx, connector: ShellConnector, assignments: number, redirects: number): C;
  /** A word outside simple commands (`for … in WORDS`, `case WORD`, a compound's redirection target): token `i`, in context `ctx`. */
  looseWord(tokens: FastTokens, i: number, ctx: Ctx): void;
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
 * Splits a script into `tokens` as `tokens.ts` does, and reads its here-document bodies; false
 * when a here-document is unterminated.
 */
function tokenize(text: string, place: ScanPlace, tokens: FastTokens): boolean {
  const bash = place.bash;
  const reserved = bash ? RESERVED : SH_RESERVED;
  const n = text.length;
  const pending: PendingHeredoc[] = [];
  let heredocs: Map<number, LexedHeredoc> | undefined;
  tokens.reset(text);
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
          if (problems.length > 0) return false;
        }
        tokens.push(K.Newline, start, start + 1, false, undefined);
        continue;
      case Lead.Digit: {
        const end = ioNumberEnd(text, i);
        if (end === i) break;
        i = end;
        tokens.push(K.IoNumber, start, i, false, undefined);
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
          kind = found.kind;
        }
        tokens.push(kind, start, i, false, undefined);
        continue;
      }
    }
    // A word that is not plain is taken apart while its end is found (the model reads it so).
    const plainEnd = plainWordEnd(text, i);
    const analysis = plainEnd >= 0 ? undefined : readWord(text, i, place);
    i = plainEnd >= 0 ? plainEnd : analysis !== undefined ? analysis.end : scanWordEnd(text, i, place);
    const reservedShape = i - start <= LONGEST_RESERVED && RESERVED_SHAPE[shape(c, text.charCodeAt(i - 1), i - start)] === 1;
    let kind = reservedShape ? reserved.get(text.slice(start, i)) : undefined;
    if (kind === undefined) {
      kind = K.Word;
      const previous = tokens.count > 0 ? tokens.kinds[tokens.count - 1] : K.EOF;
      if ((previous === K.DLess || previous === K.DLessDash) && !isAssignment(text, start, i)) {
        pending.push(pendingHeredoc(tokens.starts[tokens.count - 1], text.slice(start, i), previous === K.DLessDash));
      }
    }
    tokens.push(kind, start, i, plainEnd >= 0, analysis);
  }
  tokens.push(K.EOF, n, n, false, undefined);
  tokens.heredocs = heredocs ?? NO_HEREDOCS;
  return true;
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
class FastParser<C extends Marked> {
  readonly output = new CommandList<C>();
  /** Words outside simple commands, handed to the builder once the script is read: token, context, … */
  private readonly loose: (number | Ctx)[] = [];
  private readonly kinds: Uint8Array;
  private readonly roles: Uint8Array;
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly tokens: FastTokens,
    private readonly builder: FastBuilder<C>,
  ) {
    this.kinds = tokens.kinds;
    this.roles = tokens.roles;
  }

  /** Whether the next token is an assignment word. */
  private atAssignment(): boolean {
    const i = this.pos;
    return this.kinds[i] === K.Word && isAssignment(this.tokens.text, this.tokens.starts[i], this.tokens.ends[i]);
  }

  private peek(): K {
    return this.kinds[this.pos];
  }

  /** Takes the next token, in role `role`; returns its index. */
  private next(role: Role = Role.None): number {
    this.roles[this.pos] = role;
    return this.pos++;
  }

  private expect(kind: K): void {
    if (this.kinds[this.pos] !== kind) throw GIVE_UP;
    this.pos++;
  }

  private expectWord(role: Role = Role.None): number {
    if (!isWordLike(this.kinds[this.pos])) throw GIVE_UP;
    return this.next(role);
  }

  /** Takes a `!` when one comes next. */
  private bang(): boolean {
    if (this.peek() !== K.Bang) return false;
    this.pos++;
    return true;
  }

  private newlines(): void {
    while (this.kinds[this.pos] === K.Newline) this.pos++;
  }

  private looseWord(i: number, ctx: Ctx): void {
    this.loose.push(i, ctx);
  }

  script(ctx: Ctx): void {
    this.list(ctx, true);
    if (this.peek() !== K.EOF) throw GIVE_UP;
    const loose = this.loose;
    for (let k = 0; k < loose.length; k += 2) this.builder.looseWord(this.tokens, loose[k] as number, loose[k + 1] as Ctx);
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
        this.pos++;
        if (separator === K.Amp) this.output.mark(first, ctx.length, "background");
        this.output.connector = separator === K.Newline ? "\n" : separator === K.Semi ? ";" : "&";
        this.newlines();
      }
    }
    this.depth--;
  }

  private andOr(ctx: Ctx): void {
    const pipelines = this.output.andOr(ctx.length, this.bang());
    this.command(ctx);
    for (let op = this.peek(); op === K.AndIf || op === K.OrIf || op === K.Pipe || op === K.PipeAmp; op = this.peek()) {
      this.pos++;
      pipelines.operator(op === K.AndIf ? "&&" : op === K.OrIf ? "||" : op === K.Pipe ? "|" : "|&");
      this.newlines();
      pipelines.negation(this.bang());
      this.command(ctx);
    }
    pipelines.end();
  }

  private command(ctx: Ctx): void {
    const kind = this.peek();
    if ((kind === K.Word && this.kinds[this.pos + 1] === K.LParen && !this.atAssignment()) || kind === K.FunctionKw) {
      this.functionDefinition(ctx);
    } else if (kind === K.Word || isRedirectStart(kind)) this.simpleCommand(ctx);
    else {
      this.compound(ctx);
      this.compoundRedirects(ctx);
    }
  }

  private functionDefinition(ctx: Ctx): void {
    if (this.kinds[this.next()] === K.Word) {
      this.expect(K.LParen);
      this.expect(K.RParen);
    } else {
      this.expectWord();
      if (this.peek() === K.LParen) {
        this.pos++;
        this.expect(K.RParen);
      }
    }
    this.newlines();
    this.compound([...ctx, "function-body"]);
    this.compoundRedirects(ctx);
  }

  private compoundRedirects(ctx: Ctx): void {
    while (isRedirectStart(this.peek())) this.looseWord(this.redirect(), ctx);
  }

  private simpleCommand(ctx: Ctx): void {
    const first = this.pos;
    let assignments = 0;
    let redirects = 0;
    for (let assignment = this.atAssignment(); assignment || isRedirectStart(this.peek()); assignment = this.atAssignment()) {
      if (assignment) {
        this.next(Role.Assignment);
        assignments++;
      } else {
        this.redirect();
        redirects++;
      }
    }
    if (this.peek() === K.Word) this.next(Role.Word);
    for (let kind = this.peek(); ; kind = this.peek()) {
      if (isWordLike(kind)) this.next(Role.Word);
      else if (isRedirectStart(kind)) {
        this.redirect();
        redirects++;
      } else break;
    }
    this.output.add(this.builder.command(this.tokens, first, this.pos, ctx, this.output.connector, assignments, redirects));
  }

  /** Reads a redirection; returns the index of its target. */
  private redirect(): number {
    if (this.peek() === K.IoNumber) this.next(Role.Fd);
    if (!isRedirectStart(this.peek()) || this.peek() === K.IoNumber) throw GIVE_UP;
    this.next(Role.Redirect);
    return this.expectWord(Role.Target);
  }

  private compound(ctx: Ctx): void {
    switch (this.peek()) {
      case K.LParen:
        this.pos++;
        this.list([...ctx, "subshell"], true);
        this.expect(K.RParen);
        return;
      case K.LBrace:
        this.pos++;
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
        this.pos++;
        return;
      default:
        throw GIVE_UP;
    }
  }

  private ifClause(ctx: Ctx): void {
    const condition: Ctx = [...ctx, "if-condition"];
    const body: Ctx = [...ctx, "if-body"];
    this.pos++;
    this.list(condition, true);
    this.expect(K.Then);
    this.list(body, false);
    while (this.peek() === K.Elif) {
      this.pos++;
      this.list(condition, false);
      this.expect(K.Then);
      this.list(body, false);
    }
    if (this.peek() === K.Else) {
      this.pos++;
      this.list([...ctx, "else-body"], false);
    }
    this.expect(K.Fi);
  }

  private forClause(ctx: Ctx): void {
    this.pos++;
    if (this.peek() === K.ArithmeticCommand) this.pos++;
    else {
      this.expectWord();
      let k = this.pos;
      while (this.kinds[k] === K.Newline) k++;
      if (this.kinds[k] === K.In) {
        this.pos = k + 1;
        while (isWordLike(this.peek())) this.looseWord(this.next(), ctx);
      }
    }
    if (this.peek() === K.Semi || this.peek() === K.Newline) this.pos++;
    this.newlines();
    this.doGroup([...ctx, "for-body"]);
  }

  private loopClause(ctx: Ctx): void {
    const until = this.kinds[this.next()] === K.Until;
    this.list([...ctx, until ? "until-condition" : "while-condition"], true);
    this.doGroup([...ctx, until ? "until-body" : "while-body"]);
  }

  private doGroup(body: Ctx): void {
    this.expect(K.Do);
    this.list(body, false);
    this.expect(K.Done);
  }

  private caseClause(ctx: Ctx): void {
    this.pos++;
    this.looseWord(this.expectWord(), ctx);
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
    if (this.peek() === K.LParen) this.pos++;
    this.expectWord();
    while (this.peek() === K.Pipe) {
      this.pos++;
      this.expectWord();
    }
    this.expect(K.RParen);
    this.list(body, false);
    const end = this.peek();
    if (end === K.DSemi || end === K.SemiAmp || end === K.DSemiAmp) this.pos++;
    this.newlines();
  }

  /** `[[ … ]]`: a command named `[[` whose arguments are the tokens inside (newlines aside). */
  private testClause(ctx: Ctx): void {
    const first = this.next(Role.Word);
    for (let kind = this.peek(); kind !== K.DBracketClose && kind !== K.EOF; kind = this.peek()) {
      this.next(kind === K.Newline ? Role.None : Role.Word);
    }
    if (this.peek() !== K.DBracketClose) throw GIVE_UP;
    this.next(Role.Word);
    this.output.add(this.builder.command(this.tokens, first, this.pos, ctx, this.output.connector, 0, 0));
  }
}

/** The token buffer of every script (see {@link FastTokens}). */
const buffer = new FastTokens();

/** A builder that keeps nothing but the contexts: for checking whether the fast path reads a script. */
const CHECK_ONLY: FastBuilder<Marked> = {
  command: (_tokens, _first, _end, ctx) => ({ context: ctx }),
  looseWord: () => undefined,
};

/**
 * Reads a script in one pass, handing its simple commands and loose words to `builder` (see
 * {@link FastBuilder}), in context `ctx` (the contexts of the whole script); returns its commands,
 * or undefined when it holds a syntax error, an unterminated here-document or very deep nesting,
 * for the grammar to read (with its error recovery), and then the builder must drop what it was
 * handed. `place` locates the text in the root script, as for the lexer.
 *
 * @example
 * parseFast("apt-get update && apt-get install -y curl", { base: 0, memo: undefined, bash: true })?.length; // 2
 * parseFast("if true; then a; fi fi", { base: 0, memo: undefined, bash: true }); // undefined
 */
export function parseFast<C extends Marked = Marked>(
  text: string, place: ScanPlace, builder: FastBuilder<C> = CHECK_ONLY as FastBuilder<C>, ctx: Ctx = [],
): C[] | undefined {
  const tokens = buffer;
  try {
    if (!tokenize(text, place, tokens)) return undefined;
    const parser = new FastParser(tokens, builder);
    parser.script(ctx);
    return parser.output.commands;
  } catch {
    // GIVE_UP, or anything unforeseen (in the builder too, which runs inside this try): the grammar
    // reads the script, and the builder drops its work on it so far (ScriptBuilder in src/model/shell.ts).
    return undefined;
  } finally {
    tokens.release();
  }
}
