/** `parse()`: Dockerfile text in, syntax tree and diagnostics out, for any input. */
import { lexDockerfileFast } from "../grammar/dockerfile/lexer.js";
import { parseLines } from "../grammar/dockerfile/parser.js";
import { buildDockerfile, report, type BuildContext } from "./ast/build.js";
import { LineIndex } from "./ast/line-index.js";
import type { ParseResult } from "./ast/nodes.js";

/** BuildKit's scanner rejects physical lines of this many UTF-8 bytes or more. */
const MAX_LINE_BYTES = 65536;

function reportOverlongLines(ctx: BuildContext): void {
  const { text, lines } = ctx;
  // A UTF-16 code unit is at most 3 UTF-8 bytes: a shorter text has no line that long.
  if (text.length < MAX_LINE_BYTES / 3) return;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) - 1 : text.length;
    if (end - start >= MAX_LINE_BYTES / 3 && Buffer.byteLength(text.slice(start, end)) >= MAX_LINE_BYTES) {
      report(ctx, "line-too-long", `This line is longer than BuildKit's limit of ${MAX_LINE_BYTES - 1} bytes`, [start, end]);
    }
  }
}

/**
 * Parses Dockerfile text into a lossless syntax tree. Never throws: problems BuildKit would reject
 * come back as diagnostics, and the rest of the file is still parsed.
 *
 * @example
 * ```ts
 * const { ast, diagnostics } = parse("FROM alpine:3.20\nRUN echo hi\n");
 * ast.instructions[0].type; // "FROM"
 * diagnostics.length; // 0
 * ```
 */
export function parse(text: string): ParseResult {
  return parseIndexed(text).result;
}

/**
 * {@link parse}, also handing back the index of the text's line starts it built (`lint` reads
 * its findings' lines and columns from it instead of indexing the text again).
 *
 * @internal
 */
export function parseIndexed(text: string): { readonly result: ParseResult; readonly lines: LineIndex } {
  const { tokens, escapeChar, lineStarts } = lexDockerfileFast(text);
  const doc = parseLines(tokens);
  const ctx: BuildContext = { text, lines: new LineIndex(text, lineStarts), escape: escapeChar.charCodeAt(0), diagnostics: [] };
  const ast = buildDockerfile(ctx, doc);
  reportOverlongLines(ctx);
  return { result: { ast, diagnostics: ctx.diagnostics }, lines: ctx.lines };
}
