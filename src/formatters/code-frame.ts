/**
 * A plain-text code frame: the source lines of a finding with the span underlined by `^`.
 */
import type { Finding } from "../engine/types.js";
import { lastLineOf } from "./findings.js";
import { makeVisible } from "./visible-text.js";

/**
 * One line of a code frame: the line number (undefined for the `⋮` row of omitted lines), the code
 * as displayed, and the `^` marker under the span (empty when nothing on the line is marked).
 *
 * @example
 * ```ts
 * const row: FrameRow = { lineNumber: 3, code: "FROM ubuntu:latest", marker: "     ^^^^^^^^^^^^^" };
 * ```
 */
export interface FrameRow {
  readonly lineNumber: number | undefined;
  readonly code: string;
  readonly marker: string;
}

const TAB = 0x09;
const TAB_WIDTH = 4;
/** Display columns of code per row before the row is cut around the span. */
const MAX_WIDTH = 100;
/** Display columns kept left of the span when a row is cut. */
const LEFT_CONTEXT = 24;
/** Spans over more lines show the first and last ones around a `⋮` row. */
const MAX_ROWS = 6;

/** A displayed character: its text and width, and its UTF-16 extent in the source line. */
interface Cell {
  readonly text: string;
  readonly width: number;
  readonly start: number;
  readonly end: number;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff]/u;

/**
 * The rows of the code frame of `finding` in a file split into `lines`, or none when the finding's
 * lines are not in the file. Tabs are expanded, control characters made visible, wide characters
 * count two columns, continuation lines are underlined from their first non-blank character, rows
 * longer than 100 columns are cut around the span with `…`, and spans over more than 6 lines show
 * their first 4 lines and the last one around a `⋮` row.
 *
 * @example
 * ```ts
 * codeFrame(["FROM ubuntu:latest"], { ...finding, line: 1, column: 6, endLine: 1, endColumn: 19 });
 * // [{ lineNumber: 1, code: "FROM ubuntu:latest", marker: "     ^^^^^^^^^^^^^" }]
 * ```
 */
export function codeFrame(lines: readonly string[], finding: Finding): FrameRow[] {
  const last = Math.min(lastLineOf(finding), lines.length);
  const numbers = Array.from({ length: Math.max(0, last - finding.line + 1) }, (_, i) => finding.line + i);
  const rows = numbers.map((lineNumber) => frameRow(lines[lineNumber - 1], lineNumber, finding));
  if (rows.length <= MAX_ROWS) return rows;
  return [...rows.slice(0, MAX_ROWS - 2), { lineNumber: undefined, code: "⋮", marker: "" }, rows[rows.length - 1]];
}

function frameRow(line: string, lineNumber: number, finding: Finding): FrameRow {
  const from = lineNumber === finding.line ? finding.column - 1 : line.length - line.trimStart().length;
  const to = lineNumber === finding.endLine ? finding.endColumn - 1 : line.length;
  const empty = finding.line === finding.endLine && from === to;
  const cells = cellsOf(line);
  const isMarked = (cell: Cell): boolean => (empty ? cell.start === from : cell.start < to && cell.end > from);
  const [first, end] = visibleWindow(cells, cells.findIndex(isMarked));
  const left = first > 0 ? "…" : "";
  // The marked cells are one run: the marker is the width of the cells before it, then a caret per column of it.
  let code = left;
  let before = left.length;
  let marked = 0;
  for (let i = first; i < end; i++) {
    const cell = cells[i];
    code += cell.text;
    if (isMarked(cell)) marked += cell.width;
    else if (marked === 0) before += cell.width;
  }
  if (end < cells.length) code += "…";
  const caretAtEnd = empty && from >= line.length && end === cells.length ? "^" : "";
  const marker = marked > 0 || caretAtEnd !== "" ? " ".repeat(before) + "^".repeat(marked) + caretAtEnd : "";
  return { lineNumber, code, marker };
}

function cellsOf(line: string): Cell[] {
  const cells: Cell[] = [];
  let column = 0;
  let index = 0;
  for (const char of line) {
    const code = char.charCodeAt(0);
    let text = char;
    let width = 1;
    if (code === TAB) {
      text = " ".repeat(TAB_WIDTH - (column % TAB_WIDTH));
      width = text.length;
    } else if (code < 0x20 || code > 0x7e) {
      // Not printable ASCII (which is most of any Dockerfile, shown as it is, one column wide).
      text = makeVisible(char);
      width = displayWidth(text);
    }
    cells.push({ text, width, start: index, end: index + char.length });
    column += width;
    index += char.length;
  }
  return cells;
}

function displayWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  return WIDE.test(char) ? 2 : 1;
}

/** The cells [first, end) to show: all of them, or a window starting a little left of the span. */
function visibleWindow(cells: readonly Cell[], firstMarked: number): [number, number] {
  if (cells.reduce((sum, cell) => sum + cell.width, 0) <= MAX_WIDTH) return [0, cells.length];
  let first = Math.max(firstMarked, 0);
  for (let context = 0; first > 0 && context + cells[first - 1].width <= LEFT_CONTEXT; first -= 1) {
    context += cells[first - 1].width;
  }
  let end = first;
  for (let width = 0; end < cells.length && width + cells[end].width <= MAX_WIDTH; end += 1) {
    width += cells[end].width;
  }
  return [first, end];
}
