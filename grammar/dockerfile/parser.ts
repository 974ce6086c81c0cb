/**
 * The Dockerfile grammar over line tokens (chevrotain). It groups physical lines into the
 * document's structure: the directive block, then comments, blank lines and instructions, where
 * an instruction is its continued lines (with the comment and blank lines BuildKit skips inside
 * them), its final line, and its here-document bodies.
 *
 * ```
 * dockerfile  := Bom? Directive* (CommentLine | BlankLine | instruction)*
 * instruction := (TextLine | ContinuedLine LineInContinuation* TextLine?) HeredocBody*
 * LineInContinuation := CommentLine | BlankLine | ContinuedLine   (a token category)
 * ```
 * Every token sequence the lexer can produce is accepted, so parsing never fails.
 */
import { EmbeddedActionsParser, type IOrAlt, type IToken } from "chevrotain";
import { BlankLine, Bom, CommentLine, ContinuedLine, Directive, HeredocBody, LineInContinuation, TextLine, dockerfileTokens } from "./lexer.js";

/** The lines of one instruction. */
export interface RawInstruction {
  readonly kind: "instruction";
  /** Continued lines, skipped comment/blank lines and the final line, in order. */
  readonly lines: readonly IToken[];
  readonly heredocBodies: readonly IToken[];
}

/** A top-level comment or blank line. */
export interface RawLine {
  readonly kind: "comment" | "blank";
  readonly token: IToken;
}

/** The document as the grammar groups it. */
export interface RawDocument {
  readonly bom: IToken | undefined;
  readonly directives: readonly IToken[];
  readonly items: readonly (RawInstruction | RawLine)[];
}

class DockerfileParser extends EmbeddedActionsParser {
  constructor(validate = false) {
    super([...dockerfileTokens, LineInContinuation], { skipValidations: !validate });
    this.performSelfAnalysis();
  }

  // The alternatives of each OR are built once, not on every call (chevrotain's performance advice),
  // so their actions only return what they consume.

  private readonly item: IOrAlt<RawInstruction | RawLine>[] = [
    { ALT: () => ({ kind: "comment", token: this.CONSUME(CommentLine) }) },
    { ALT: () => ({ kind: "blank", token: this.CONSUME(BlankLine) }) },
    { ALT: () => this.SUBRULE(this.instruction) },
  ];

  private readonly instructionLines: IOrAlt<IToken[]>[] = [
    { ALT: () => [this.CONSUME(TextLine)] },
    {
      ALT: () => {
        const lines = [this.CONSUME(ContinuedLine)];
        this.MANY(() => {
          lines.push(this.CONSUME(LineInContinuation));
        });
        this.OPTION(() => lines.push(this.CONSUME2(TextLine)));
        return lines;
      },
    },
  ];

  public dockerfile = this.RULE("dockerfile", (): RawDocument => {
    const bom = this.OPTION(() => this.CONSUME(Bom));
    const directives: IToken[] = [];
    this.MANY(() => {
      directives.push(this.CONSUME(Directive));
    });
    const items: (RawInstruction | RawLine)[] = [];
    this.MANY2(() => {
      items.push(this.OR(this.item));
    });
    return { bom, directives, items };
  });

  private instruction = this.RULE("instruction", (): RawInstruction => {
    const lines = this.OR(this.instructionLines);
    const heredocBodies: IToken[] = [];
    this.MANY2(() => {
      heredocBodies.push(this.CONSUME(HeredocBody));
    });
    return { kind: "instruction", lines, heredocBodies };
  });
}

let parser: DockerfileParser | undefined;

/**
 * Groups line tokens into the document structure. One parser instance is reused.
 *
 * @example
 * ```ts
 * parseLines(lexDockerfile("FROM a\n").tokens).items.length; // 1
 * ```
 */
export function parseLines(tokens: IToken[]): RawDocument {
  parser ??= new DockerfileParser();
  parser.input = tokens;
  const doc = parser.dockerfile();
  return doc ?? { bom: undefined, directives: [], items: [] };
}

/** Builds a parser with chevrotain's grammar validations on; throws if the grammar is ambiguous (for tests). */
export function validateGrammar(): void {
  new DockerfileParser(true);
}
