/**
 * The shell grammar: a chevrotain `EmbeddedActionsParser` over the tokens of `tokens.ts`, with
 * error recovery. It emits every simple command as a {@link RawCommand} (tokens, the enclosing
 * control structures, the connector before it); word contents are analysed by the model layer.
 *
 * The grammar follows POSIX `sh` (XCU 2.10) with the bash additions Dockerfiles use:
 * lists (`; & && || |` and newlines), `!`, `( … )`, `{ …; }`, `if`, `for`, `while`, `until`,
 * `case`, function definitions, redirections and `[[ … ]]`.
 *
 * @packageDocumentation
 */
import { EmbeddedActionsParser, EOF, type IParserErrorMessageProvider, type IToken, type ITokenGrammarPath, type TokenType } from "chevrotain";
import type { ShellConnector, ShellContext } from "../../src/model/shell-types.js";
import type { WordAnalysis } from "../../src/model/shell/word.js";
import { allTokenTypes, T } from "./tokens.js";
import { CommandList, type AndOrList } from "./command-list.js";

/**
 * What the model reads of a token: a chevrotain `IToken`, or a token of the fast path (`fast.ts`),
 * which also says whether a word is plain (its text is its value), when it knows, and holds the
 * word taken apart when it took it apart to find its end.
 */
export type RawToken = Pick<IToken, "image" | "startOffset" | "isInsertedInRecovery"> & {
  readonly plain?: boolean;
  readonly analysis?: WordAnalysis;
};

/** A redirection as tokens. */
export interface RawRedirect {
  readonly fd: RawToken | undefined;
  readonly op: RawToken;
  readonly target: RawToken | undefined;
}

/** A simple command as tokens: `words[0]` is the name (when there is one). */
export interface RawCommand {
  readonly assignments: RawToken[];
  readonly words: RawToken[];
  readonly redirects: RawRedirect[];
  /** Enclosing structures, outermost first; replaced (never mutated) while the parser marks pipelines. */
  context: readonly ShellContext[];
  readonly connector: ShellConnector;
}

/** A syntax error, with offsets into the parsed text. */
export interface RawError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** A word outside any simple command (`for … in WORDS`, `case WORD`, a compound's redirection target). */
export interface RawLooseWord {
  readonly token: RawToken;
  readonly context: readonly ShellContext[];
}

/** What the parser read from one token list. */
export interface RawScript {
  readonly commands: RawCommand[];
  /** Words outside simple commands: their command substitutions hold commands too. */
  readonly looseWords: RawLooseWord[];
  readonly errors: RawError[];
}

function describe(token: IToken): string {
  return token.tokenType === EOF ? "the end of the script" : `'${token.image.split("\n")[0]}'`;
}

/** The offsets of a token, end exclusive; the end of the text for EOF and recovery tokens. */
function span(token: IToken, length: number): { start: number; end: number } {
  const start = token.startOffset;
  return Number.isNaN(start) ? { start: length, end: length } : { start, end: start + token.image.length };
}

function label(type: TokenType): string {
  return type.LABEL ?? type.name;
}

/** User-facing messages in place of chevrotain's defaults (which name internal token types). */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `Expected ${label(expected)} but found ${describe(actual)}.`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `Unexpected ${describe(firstRedundant)}.`,
  buildNoViableAltMessage: ({ actual }) => `Unexpected ${describe(actual[0])}.`,
  buildEarlyExitMessage: ({ actual }) => `Expected a command but found ${describe(actual[0])}.`,
};

type Ctx = readonly ShellContext[];

/** How many grammar paths the parser remembers the follows of (real scripts reach a few dozen). */
const MAX_REMEMBERED_PATHS = 10_000;

/**
 * Runs `parse` with stack traces off: chevrotain throws an exception at every mismatch it recovers
 * from, and capturing their (unused) stack traces took about a sixth of the time of parsing a
 * script with syntax errors.
 */
function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

type CommandParts = Pick<RawCommand, "assignments" | "words" | "redirects">;
const EMPTY_COMMAND = (): CommandParts => ({ assignments: [], words: [], redirects: [] });

/**
 * The shell parser. One instance, built on first use, is reused through {@link parseShellTokens}; tests
 * build another with `validate` to run chevrotain's grammar checks.
 *
 * @example
 * new ShellParser(true); // throws when the grammar is ambiguous
 */
export class ShellParser extends EmbeddedActionsParser {
  private output = new CommandList<RawCommand>();
  private loose: RawLooseWord[] = [];
  private strays: RawError[] = [];
  private textLength = 0;
  /** {@link getNextPossibleTokenTypes} by grammar path. */
  private readonly follows = new Map<string, TokenType[]>();

  /** `validate` runs chevrotain's grammar validations (tests only). */
  constructor(validate: boolean) {
    super(allTokenTypes, {
      recoveryEnabled: true,
      maxLookahead: 2,
      skipValidations: !validate,
      errorMessageProvider: messages,
    });
    this.performSelfAnalysis();
  }

  /** Parses the tokens of one script. */
  parse(tokens: IToken[], length: number): RawScript {
    this.output = new CommandList<RawCommand>();
    this.loose = [];
    this.strays = [];
    this.textLength = length;
    this.input = tokens;
    withoutStackTraces(() => this.script());
    const errors: RawError[] = this.errors.map((e) => ({ message: e.message, ...span(e.token, length) }));
    // A stray token chevrotain already reported (`a && && b`) is reported once.
    for (const stray of this.strays) if (!errors.some((e) => e.start === stray.start)) errors.push(stray);
    return { commands: this.output.commands, looseWords: this.loose, errors };
  }

  /** Adds a command in context `ctx`, after the pending connector, with the lists of `command`. */
  private emit(ctx: Ctx, { assignments, words, redirects }: CommandParts): void {
    this.output.add({ assignments, words, redirects, context: ctx, connector: this.output.connector });
  }

  /**
   * The tokens that may follow a grammar path, which error recovery asks for at every mismatch and
   * chevrotain computes by walking the grammar each time: the grammar is fixed, so each path's
   * answer is computed once.
   */
  protected override getNextPossibleTokenTypes(path: ITokenGrammarPath): TokenType[] {
    const key = `${path.ruleStack.join(" ")}|${path.occurrenceStack.join(" ")}|${path.lastTok.name}|${path.lastTokOccurrence}`;
    let follows = this.follows.get(key);
    if (follows === undefined) {
      if (this.follows.size === MAX_REMEMBERED_PATHS) this.follows.clear();
      follows = super.getNextPossibleTokenTypes(path);
      this.follows.set(key, follows);
    }
    return follows;
  }

  private looseWord(token: RawToken, context: Ctx): void {
    this.loose.push({ token, context });
  }

  private readonly script = this.RULE("script", () => {
    this.SUBRULE(this.list, { ARGS: [[], true] });
    this.MANY(() => {
      // A run of tokens that cannot start a command (`fi; )`) is reported once and skipped.
      const first = this.CONSUME(T.Stray);
      this.MANY2(() => this.CONSUME2(T.Stray));
      this.ACTION(() => this.strays.push({ message: `Unexpected ${describe(first)}.`, ...span(first, this.textLength) }));
      this.SUBRULE2(this.list, { ARGS: [[], false] });
    });
  });

  /** A compound list; `keep` passes the connector before the structure on to its first command. */
  private readonly list = this.RULE("list", (ctx: Ctx = [], keep = false) => {
    this.ACTION(() => {
      if (!keep) this.output.connector = undefined;
    });
    this.MANY(() => this.CONSUME(T.Newline));
    this.MANY2(() => {
      const first = this.output.commands.length;
      this.SUBRULE(this.andOr, { ARGS: [ctx] });
      this.OPTION(() => {
        const separator = this.CONSUME(T.Separator);
        this.ACTION(() => {
          if (separator.tokenType === T.Amp) this.output.mark(first, ctx.length, "background");
          this.output.connector = separator.tokenType === T.Newline ? "\n" : (separator.image as ShellConnector);
        });
        this.MANY3(() => this.CONSUME3(T.Newline));
      });
    });
  });

  /**
   * An and-or list of pipelines, read flat (one rule for `&& || | |&`): `connector` records each
   * operator, and a pipeline of several commands, or one after `!`, is marked when it ends.
   */
  private readonly andOr = this.RULE("andOr", (ctx: Ctx = []) => {
    const bang = this.OPTION(() => this.CONSUME(T.Bang));
    let pipelines: AndOrList<RawCommand> | undefined;
    this.ACTION(() => (pipelines = this.output.andOr(ctx.length, bang !== undefined)));
    this.SUBRULE(this.command, { ARGS: [ctx] });
    this.MANY(() => {
      const op = this.CONSUME(T.AndOrOp);
      this.MANY2(() => this.CONSUME(T.Newline));
      const negated = this.OPTION2(() => this.CONSUME2(T.Bang));
      this.ACTION(() => {
        pipelines!.operator(op.image);
        pipelines!.negation(negated !== undefined);
      });
      this.SUBRULE2(this.command, { ARGS: [ctx] });
    });
    this.ACTION(() => pipelines!.end());
  });

  private readonly command = this.RULE("command", (ctx: Ctx = []) => {
    this.OR([
      { ALT: () => this.SUBRULE(this.functionDefinition, { ARGS: [ctx] }) },
      { ALT: () => this.SUBRULE(this.simpleCommand, { ARGS: [ctx] }) },
      {
        ALT: () => {
          this.SUBRULE(this.compound, { ARGS: [ctx] });
          this.SUBRULE(this.compoundRedirects, { ARGS: [ctx] });
        },
      },
    ]);
  });

  /** `name() body` and `function name [()] body`. */
  private readonly functionDefinition = this.RULE("functionDefinition", (ctx: Ctx = []) => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.PlainWord);
          this.CONSUME(T.LParen);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.FunctionKw);
          this.CONSUME(T.WordLike);
          this.OPTION(() => {
            this.CONSUME2(T.LParen);
            this.CONSUME2(T.RParen);
          });
        },
      },
    ]);
    this.MANY(() => this.CONSUME(T.Newline));
    this.SUBRULE(this.compound, { ARGS: [[...ctx, "function-body"]] });
    this.SUBRULE(this.compoundRedirects, { ARGS: [ctx] });
  });

  /** Redirections after a compound command or a function body (`done < file`, `} > log`). */
  private readonly compoundRedirects = this.RULE("compoundRedirects", (ctx: Ctx = []) => {
    this.MANY(() => {
      const target = this.SUBRULE(this.redirect).target;
      this.ACTION(() => target !== undefined && this.looseWord(target, ctx));
    });
  });

  /** Assignments and redirections then a name, or a name; then arguments and redirections. */
  private readonly simpleCommand = this.RULE("simpleCommand", (ctx: Ctx = []) => {
    const command = EMPTY_COMMAND();
    // Emitted first and filled in place, so that a command cut short by an error (`a >`) is kept.
    this.ACTION(() => this.emit(ctx, command));
    this.OR([
      {
        ALT: () => {
          this.AT_LEAST_ONE(() =>
            this.OR2([
              { ALT: () => command.assignments.push(this.CONSUME(T.AssignmentWord)) },
              { ALT: () => command.redirects.push(this.SUBRULE(this.redirect)) },
            ]),
          );
          this.OPTION(() => command.words.push(this.CONSUME(T.PlainWord)));
        },
      },
      { ALT: () => command.words.push(this.CONSUME2(T.PlainWord)) },
    ]);
    // (word | redirection)*, written as word* (redirection word*)*: loops without a choice per word.
    this.MANY(() => command.words.push(this.CONSUME(T.WordLike)));
    this.MANY2(() => {
      command.redirects.push(this.SUBRULE2(this.redirect));
      this.MANY3(() => command.words.push(this.CONSUME2(T.WordLike)));
    });
  });

  private readonly redirect = this.RULE("redirect", (): RawRedirect => {
    const fd = this.OPTION(() => this.CONSUME(T.IoNumber));
    const op = this.CONSUME(T.RedirOp);
    const target = this.CONSUME(T.WordLike);
    return { fd, op, target };
  });

  private readonly compound = this.RULE("compound", (ctx: Ctx = []) => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.list, { ARGS: [[...ctx, "subshell"], true] });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.SUBRULE2(this.list, { ARGS: [[...ctx, "group"], true] });
          this.CONSUME(T.RBrace);
        },
      },
      { ALT: () => this.SUBRULE(this.ifClause, { ARGS: [ctx] }) },
      { ALT: () => this.SUBRULE(this.forClause, { ARGS: [ctx] }) },
      { ALT: () => this.SUBRULE(this.loopClause, { ARGS: [ctx] }) },
      { ALT: () => this.SUBRULE(this.caseClause, { ARGS: [ctx] }) },
      { ALT: () => this.SUBRULE(this.testClause, { ARGS: [ctx] }) },
      { ALT: () => this.CONSUME(T.ArithmeticCommand) },
    ]);
  });

  private readonly ifClause = this.RULE("ifClause", (ctx: Ctx = []) => {
    const condition: Ctx = [...ctx, "if-condition"];
    const body: Ctx = [...ctx, "if-body"];
    this.CONSUME(T.If);
    this.SUBRULE(this.list, { ARGS: [condition, true] });
    this.CONSUME(T.Then);
    this.SUBRULE2(this.list, { ARGS: [body, false] });
    this.MANY(() => {
      this.CONSUME(T.Elif);
      this.SUBRULE3(this.list, { ARGS: [condition, false] });
      this.CONSUME2(T.Then);
      this.SUBRULE4(this.list, { ARGS: [body, false] });
    });
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.SUBRULE5(this.list, { ARGS: [[...ctx, "else-body"], false] });
    });
    this.CONSUME(T.Fi);
  });

  /** `for name [in words]; do …; done` and bash `for (( …; …; … )); do …; done`. */
  private readonly forClause = this.RULE("forClause", (ctx: Ctx = []) => {
    this.CONSUME(T.For);
    this.OR([
      { ALT: () => this.CONSUME(T.ArithmeticCommand) },
      {
        ALT: () => {
          this.CONSUME(T.WordLike);
          this.OPTION({
            GATE: () => {
              let k = 1;
              while (this.LA(k).tokenType === T.Newline) k++;
              return this.LA(k).tokenType === T.In;
            },
            DEF: () => {
              this.MANY(() => this.CONSUME(T.Newline));
              this.CONSUME(T.In);
              this.MANY2(() => {
                const word = this.CONSUME2(T.WordLike);
                this.ACTION(() => this.looseWord(word, ctx));
              });
            },
          });
        },
      },
    ]);
    this.OPTION2(() => this.OR2([{ ALT: () => this.CONSUME(T.Semi) }, { ALT: () => this.CONSUME2(T.Newline) }]));
    this.MANY3(() => this.CONSUME3(T.Newline));
    this.SUBRULE(this.doGroup, { ARGS: [[...ctx, "for-body"]] });
  });

  /** `while` and `until`. */
  private readonly loopClause = this.RULE("loopClause", (ctx: Ctx = []) => {
    const until = this.OR([{ ALT: () => this.CONSUME(T.While) }, { ALT: () => this.CONSUME(T.Until) }]).tokenType === T.Until;
    this.SUBRULE(this.list, { ARGS: [[...ctx, until ? "until-condition" : "while-condition"], true] });
    this.SUBRULE(this.doGroup, { ARGS: [[...ctx, until ? "until-body" : "while-body"]] });
  });

  private readonly doGroup = this.RULE("doGroup", (body: Ctx = []) => {
    this.CONSUME(T.Do);
    this.SUBRULE(this.list, { ARGS: [body, false] });
    this.CONSUME(T.Done);
  });

  private readonly caseClause = this.RULE("caseClause", (ctx: Ctx = []) => {
    this.CONSUME(T.Case);
    const subject = this.CONSUME(T.WordLike);
    this.ACTION(() => this.looseWord(subject, ctx));
    this.MANY(() => this.CONSUME(T.Newline));
    this.CONSUME(T.In);
    this.MANY2(() => this.CONSUME2(T.Newline));
    this.MANY3({
      GATE: () => this.LA(1).tokenType !== T.Esac,
      DEF: () => this.SUBRULE(this.caseItem, { ARGS: [[...ctx, "case-body"]] }),
    });
    this.CONSUME(T.Esac);
  });

  private readonly caseItem = this.RULE("caseItem", (body: Ctx = []) => {
    this.OPTION(() => this.CONSUME(T.LParen));
    this.CONSUME(T.WordLike);
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      this.CONSUME2(T.WordLike);
    });
    this.CONSUME(T.RParen);
    this.SUBRULE(this.list, { ARGS: [body, false] });
    this.OPTION2(() =>
      this.OR([{ ALT: () => this.CONSUME(T.DSemi) }, { ALT: () => this.CONSUME(T.SemiAmp) }, { ALT: () => this.CONSUME(T.DSemiAmp) }]),
    );
    this.MANY2(() => this.CONSUME(T.Newline));
  });

  /** bash `[[ … ]]`: emitted as a command named `[[` whose arguments are the tokens inside. */
  private readonly testClause = this.RULE("testClause", (ctx: Ctx = []) => {
    const command = EMPTY_COMMAND();
    this.ACTION(() => this.emit(ctx, command));
    command.words.push(this.CONSUME(T.DBracketOpen));
    this.MANY(() => {
      const token = this.CONSUME(T.InTest);
      if (token.tokenType !== T.Newline) command.words.push(token);
    });
    command.words.push(this.CONSUME(T.DBracketClose));
  });
}

/** The parser, built on first use (building it analyses the grammar: tens of milliseconds). */
let parser: ShellParser | undefined;

/** Tokens that open or close a structure: dropped to read a too deeply nested script flat. */
const STRUCTURE = new Set<TokenType>([
  T.LParen, T.RParen, T.LBrace, T.RBrace, T.If, T.Then, T.Elif, T.Else, T.Fi, T.For, T.In, T.While, T.Until,
  T.Do, T.Done, T.Case, T.Esac, T.DSemi, T.SemiAmp, T.DSemiAmp, T.FunctionKw, T.DBracketOpen, T.DBracketClose,
]);

/**
 * Parses the tokens of one script into raw commands and errors. Never throws: a script nested
 * so deeply that the recursive descent exhausts the call stack is read again without its
 * structure tokens, so its commands are still listed (without their contexts), with an error.
 *
 * @example
 * parseShellTokens(lexShell("a | b", options).tokens, 5).commands.length; // 2
 */
export function parseShellTokens(tokens: IToken[], length: number): RawScript {
  parser ??= new ShellParser(false);
  try {
    return parser.parse(tokens, length);
  } catch {
    const flat = parser.parse(tokens.filter((t) => !STRUCTURE.has(t.tokenType)), length);
    const error = { message: "The script is nested too deeply: its commands are listed without their enclosing structures.", start: 0, end: length };
    return { ...flat, errors: [error, ...flat.errors] };
  }
}
