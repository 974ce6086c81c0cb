/**
 * Builds the AST from the grammar's line groups: joins each instruction's lines as BuildKit does
 * (keeping a map back to the source), runs BuildKit's line parsers on the joined line, and turns
 * every piece into a node with its source range.
 */
import type { IToken } from "chevrotain";
import { skipGoSpace, trimGoSpaceEnd } from "../../grammar/dockerfile/chars.js";
import type { HeredocSpec } from "../../grammar/dockerfile/heredoc-detect.js";
import { argumentStyle, parseArguments, splitCommand, type LinePiece } from "../../grammar/dockerfile/instruction-line.js";
import { continuationOffset, type DirectivePayload, type HeredocBodyPayload, type TextLinePayload } from "../../grammar/dockerfile/lexer.js";
import type { RawDocument, RawInstruction } from "../../grammar/dockerfile/parser.js";
import { instructionNode } from "./instruction-fields.js";
import type { LineIndex } from "./line-index.js";
import { mapOffset, pieceIndex } from "./source-map.js";
import type {
  BlankLine,
  BodyItem,
  Comment,
  Directive,
  DirectiveKind,
  Dockerfile,
  Heredoc,
  Instruction,
  Location,
  ParseDiagnostic,
  Range,
  SourceMap,
  Word,
} from "./nodes.js";

/** Shared state of one build. */
export interface BuildContext {
  readonly text: string;
  readonly lines: LineIndex;
  readonly escape: number;
  readonly diagnostics: ParseDiagnostic[];
}

/** A logical line with its map back to the source. */
export interface Logical {
  readonly text: string;
  /** Flat pairs `[joinedOffset, sourceOffset, …]`, one per contiguous piece. */
  readonly map: number[];
}

/** Source offset of a joined-line offset. */
export function toSource(logical: Logical, offset: number): number {
  return mapOffset(logical.map, offset);
}

/** Source range of a joined-line range (the end stays on the line of the last character). */
export function sourceRange(logical: Logical, start: number, end: number): Range {
  if (end > start) return [toSource(logical, start), toSource(logical, end - 1) + 1];
  const at = emptyAt(logical, start);
  return [at, at];
}

/** The end of {@link sourceRange}. */
function sourceEnd(logical: Logical, start: number, end: number): number {
  return end > start ? toSource(logical, end - 1) + 1 : emptyAt(logical, start);
}

/**
 * Where an empty piece at `offset` sits in the source: at the character that follows it, or at the
 * end of the text, right after the last character (not after a final line continuation, which
 * lies outside the instruction).
 */
function emptyAt(logical: Logical, offset: number): number {
  return offset > 0 && offset >= logical.text.length ? toSource(logical, offset - 1) + 1 : toSource(logical, offset);
}

/** The part of the logical map covering `[start, end)`, rebased to 0, when it crosses a join. */
function subMap(logical: Logical, start: number, end: number): SourceMap | undefined {
  const map = logical.map;
  if (map.length === 2) return undefined;
  const first = pieceIndex(map, start) * 2;
  if (first + 2 >= map.length || map[first + 2] >= end) return undefined;
  const pairs: number[] = [];
  for (let i = first; i < map.length && map[i] < end; i += 2) {
    const from = Math.max(map[i], start);
    pairs.push(from - start, map[i + 1] + from - map[i]);
  }
  return pairs;
}

/**
 * The `loc` of a node with source range `range`. Nodes are built as literals whose last fields are
 * `range` and `loc` (spreading a shared `{ range, loc }` object into them is much slower).
 */
export function locOf(ctx: BuildContext, range: Range): Location {
  return ctx.lines.location(range[0], range[1]);
}

function word(ctx: BuildContext, value: string, range: Range, map: SourceMap | undefined): Word {
  const loc = locOf(ctx, range);
  return map === undefined ? { type: "Word", value, range, loc } : { type: "Word", value, range, loc, map };
}

/** A word node for `value`, the logical line's `[start, end)`. */
export function wordIn(ctx: BuildContext, logical: Logical, start: number, end: number, value: string): Word {
  return word(ctx, value, sourceRange(logical, start, end), subMap(logical, start, end));
}

/** A word node from a piece of the logical line. */
export function wordFrom(ctx: BuildContext, logical: Logical, piece: LinePiece): Word {
  return wordIn(ctx, logical, piece.start, piece.end, piece.value);
}

/** A word node for a literal source range. */
export function wordAt(ctx: BuildContext, start: number, end: number): Word {
  return word(ctx, ctx.text.slice(start, end), [start, end], undefined);
}

/** Adds a diagnostic. */
export function report(ctx: BuildContext, code: string, message: string, range: Range, severity: "error" | "warning" = "error"): void {
  ctx.diagnostics.push({ code, severity, message, range, loc: locOf(ctx, range) });
}

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** The end of a line token's content, before its `\r` and `\n` (read from the source, which is faster than the token's slice of it). */
function contentEnd(ctx: BuildContext, token: IToken): number {
  let e = tokenEnd(token);
  while (e > token.startOffset) {
    const c = ctx.text.charCodeAt(e - 1);
    if (c !== 0x0a && c !== 0x0d) break;
    e--;
  }
  return e;
}

function commentNode(ctx: BuildContext, token: IToken): Comment {
  const end = contentEnd(ctx, token);
  const start = skipGoSpace(ctx.text, token.startOffset, end);
  const valueStart = skipGoSpace(ctx.text, start + 1, end);
  const value = ctx.text.slice(valueStart, trimGoSpaceEnd(ctx.text, valueStart, end));
  const range: Range = [start, end];
  return { type: "Comment", value, raw: token.image, range, loc: locOf(ctx, range) };
}

function blankNode(ctx: BuildContext, token: IToken): BlankLine {
  const end = contentEnd(ctx, token);
  const range: Range = [token.startOffset, end];
  return { type: "BlankLine", raw: token.image, range, loc: locOf(ctx, range) };
}

function directiveNode(ctx: BuildContext, token: IToken): Directive {
  const payload = token.payload as DirectivePayload;
  const end = contentEnd(ctx, token);
  const start = skipGoSpace(ctx.text, token.startOffset, end);
  const kind = payload.name.toLowerCase() as DirectiveKind;
  const range: Range = [start, end];
  if (payload.error !== undefined) {
    // BuildKit reports directive errors one line early (0-based); we point at the line itself.
    report(ctx, kind === "escape" && !payload.error.startsWith("only") ? "invalid-escape" : "duplicate-directive", payload.error, range);
  }
  return {
    type: "Directive",
    kind,
    name: wordAt(ctx, payload.nameStart, payload.nameStart + payload.name.length),
    value: wordAt(ctx, payload.valueStart, payload.valueStart + payload.value.length),
    raw: token.image,
    range,
    loc: locOf(ctx, range),
  };
}

/** Joins an instruction's lines as BuildKit does; collects the comments skipped inside. */
function joinLines(ctx: BuildContext, raw: RawInstruction, comments: Comment[]): { logical: Logical; emptyContinuation: boolean; last: IToken } {
  if (raw.lines.length === 1) return joinSingleLine(ctx, raw.lines[0]);
  // Joined at the end, which gives a flat string (appending piece by piece makes a rope that the first read flattens).
  const pieces: string[] = [];
  let length = 0;
  const map: number[] = [];
  let emptyContinuation = false;
  let first = true;
  let last = raw.lines[0];
  for (const token of raw.lines) {
    const name = token.tokenType.name;
    if (name === "CommentLine") {
      comments.push(commentNode(ctx, token));
      continue;
    }
    if (name === "BlankLine") {
      emptyContinuation = true;
      continue;
    }
    last = token;
    const end = joinedEnd(ctx, token);
    const start = first ? skipGoSpace(ctx.text, token.startOffset, end) : token.startOffset;
    first = false;
    map.push(length, start);
    pieces.push(ctx.text.slice(start, end));
    length += end - start;
  }
  if (map.length === 0) map.push(0, raw.lines[0].startOffset);
  return { logical: { text: pieces.join(""), map }, emptyContinuation, last };
}

/** End of the part of an instruction line that goes into the logical line. */
function joinedEnd(ctx: BuildContext, token: IToken): number {
  return token.tokenType.name === "ContinuedLine" ? continuationOffset(ctx.text, token) : (token.payload as TextLinePayload).contentEnd;
}

/** {@link joinLines} for the common instruction of one line. */
function joinSingleLine(ctx: BuildContext, token: IToken): { logical: Logical; emptyContinuation: boolean; last: IToken } {
  const end = joinedEnd(ctx, token);
  const start = skipGoSpace(ctx.text, token.startOffset, end);
  return { logical: { text: ctx.text.slice(start, end), map: [0, start] }, emptyContinuation: false, last: token };
}

function heredocNodes(ctx: BuildContext, logical: Logical, specs: readonly HeredocSpec[], bodies: readonly IToken[], lineEnd: number): Heredoc[] {
  const nodes: Heredoc[] = [];
  if (specs.length === 0) return nodes;
  let cursor = lineEnd;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const marker = wordIn(ctx, logical, spec.markerStart, spec.markerEnd, logical.text.slice(spec.markerStart, spec.markerEnd));
    const token = bodies[i];
    const bodyStart = token?.startOffset ?? cursor;
    const payload = token?.payload as HeredocBodyPayload | undefined;
    const bodyEnd = payload?.bodyEnd ?? bodyStart;
    const body = wordAt(ctx, bodyStart, bodyEnd);
    const terminator = payload?.terminatorEnd !== undefined ? wordAt(ctx, bodyEnd, payload.terminatorEnd) : undefined;
    if (terminator === undefined && (i === 0 || bodies[i - 1] !== undefined)) {
      report(ctx, "unterminated-heredoc", `Unterminated heredoc: no line "${spec.name}" ends the here-document started here`, marker.range);
    }
    const range: Range = [marker.range[0], terminator?.range[1] ?? bodyEnd];
    if (token !== undefined) cursor = tokenEnd(token);
    nodes.push({
      type: "Heredoc",
      marker,
      name: spec.name,
      fileDescriptor: spec.fileDescriptor,
      expand: spec.expand,
      chomp: spec.chomp,
      body,
      content: spec.chomp ? body.value.replace(/^\t+/gm, "") : body.value,
      terminator,
      range,
      loc: locOf(ctx, range),
    });
  }
  return nodes;
}

function buildInstruction(ctx: BuildContext, raw: RawInstruction): Instruction {
  const comments: Comment[] = [];
  const { logical, emptyContinuation, last } = joinLines(ctx, raw, comments);
  const split = splitCommand(logical.text);
  const parsed = parseArguments(argumentStyle(split.keyword.value), logical.text, split.argsStart, split.argsEnd, ctx.escape, split.keyword.value);
  const trimmedEnd = trimGoSpaceEnd(logical.text, 0, logical.text.length);
  const lineEnd = sourceEnd(logical, 0, trimmedEnd);
  const lastTokenEnd = tokenEnd(last);
  const specs = last.tokenType.name === "TextLine" ? (last.payload as TextLinePayload).heredocs : [];
  const heredocs = heredocNodes(ctx, logical, specs, raw.heredocBodies, lastTokenEnd);
  let end = comments.length > 0 ? Math.max(lineEnd, comments[comments.length - 1].range[1]) : lineEnd;
  for (const h of heredocs) end = Math.max(end, h.range[1]);
  // The instruction's tokens are contiguous: its raw text is the source from the first to the last.
  const lastRaw = raw.heredocBodies.length > 0 ? raw.heredocBodies[raw.heredocBodies.length - 1] : raw.lines[raw.lines.length - 1];
  const rawText = ctx.text.slice(raw.lines[0].startOffset, tokenEnd(lastRaw));
  const node = instructionNode(ctx, logical, split, parsed, { heredocs, comments, raw: rawText, end });
  if (parsed.kind === "error") report(ctx, parseErrorCode(parsed.message), parsed.message, node.range);
  if (emptyContinuation) {
    report(ctx, "empty-continuation", `Empty continuation line found in: ${logical.text}`, node.range, "warning");
  }
  return node;
}

function parseErrorCode(message: string): string {
  if (message.startsWith("when using JSON")) return "json-non-string";
  if (message.endsWith("must have two arguments")) return "missing-value";
  return "missing-equals";
}

/** Builds the whole tree. */
export function buildDockerfile(ctx: BuildContext, doc: RawDocument): Dockerfile {
  const directives = doc.directives.map((t) => directiveNode(ctx, t));
  const body: BodyItem[] = directives.slice();
  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  for (const item of doc.items) {
    if (item.kind === "instruction") {
      const node = buildInstruction(ctx, item);
      for (const comment of node.comments) comments.push(comment);
      instructions.push(node);
      body.push(node);
    } else if (item.kind === "comment") {
      const c = commentNode(ctx, item.token);
      comments.push(c);
      body.push(c);
    } else {
      body.push(blankNode(ctx, item.token));
    }
  }
  const range: Range = [doc.bom ? 1 : 0, ctx.text.length];
  if (instructions.length === 0) {
    report(ctx, "no-instructions", "The file has no instructions (BuildKit rejects an empty Dockerfile)", [ctx.text.length, ctx.text.length]);
  }
  return {
    type: "Dockerfile",
    bom: doc.bom !== undefined,
    escapeChar: ctx.escape === 0x60 ? "`" : "\\",
    directives,
    comments,
    instructions,
    body,
    range,
    loc: locOf(ctx, range),
  };
}
