/** parse() never throws, keeps every byte, and gives ranges that lie inside the text, for any input. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, print } from "../../src/index.js";
import type { Dockerfile, Node } from "../../src/index.js";
import { forEachNode } from "../../src/ast/walk.js";
import { describeShared } from "../support/shared.js";

/** Line/column of an offset, computed the slow and obvious way. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

/** Problems with the tree's ranges: outside the text, reversed, locations that disagree, instructions out of order. */
function rangeProblems(text: string, ast: Dockerfile, checkLoc: boolean): string[] {
  const problems: string[] = [];
  forEachNode(ast, (node: Node, parent) => {
    const [s, e] = node.range;
    if (!(s >= 0 && s <= e && e <= text.length)) problems.push(`${node.type} range ${s}-${e} outside 0-${text.length}`);
    if (parent && (s < parent.range[0] || e > parent.range[1])) problems.push(`${node.type} ${s}-${e} outside its ${parent.type} ${parent.range}`);
    if (checkLoc) {
      const start = position(text, s);
      const end = position(text, e);
      if (node.loc.start.line !== start.line || node.loc.start.column !== start.column || node.loc.end.line !== end.line || node.loc.end.column !== end.column) {
        problems.push(`${node.type} loc ${JSON.stringify(node.loc)} != ${JSON.stringify({ start, end })}`);
      }
    }
  });
  let previousEnd = 0;
  for (const item of ast.body) {
    if (item.range[0] < previousEnd) problems.push(`${item.type} at ${item.range[0]} overlaps the previous item`);
    previousEnd = item.range[1];
  }
  return problems;
}

const adversarial: [string, () => string][] = [
  ["empty", () => ""],
  ["only comments", () => "# a\n# b\n"],
  ["only whitespace", () => " \t\n\r\n  "],
  ["NUL bytes", () => "FROM a\0b\nRUN \0\n\0"],
  ["lone CR", () => "FROM a\rRUN b\r"],
  ["unterminated heredoc", () => "FROM a\nRUN <<EOF\nline\n"],
  ["unterminated quote and brace", () => "FROM a\nRUN echo 'x ${y\nENV a=\"b\n"],
  ["escape at end of file", () => "FROM a\nRUN b \\"],
  ["binary junk", () => Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join("")],
  ["10 MB single line", () => "RUN " + "x".repeat(10 * 1024 * 1024)],
  ["50,000 continuation lines", () => "FROM a\nRUN a \\\n" + "  && b \\\n".repeat(50_000) + "  c\n"],
  ["10,000 heredocs", () => "FROM a\n" + "RUN <<EOF\necho\nEOF\n".repeat(10_000)],
  ["deep JSON", () => "CMD " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"],
  ["lone surrogates", () => "FROM a\uD800\nLABEL x=\uDC00\n"],
];

describe("adversarial input", () => {
  it.each(adversarial)("%s: no exception, lossless, ranges inside the text", (_name, make) => {
    const text = make();
    const { ast } = parse(text);
    expect(print(ast)).toBe(text);
    expect(rangeProblems(text, ast, text.length < 100_000)).toEqual([]);
  });
});

describeShared("corpus/real/files", "ranges over the real corpus", (dir) => {
  it("every node's range and location is consistent in every file", () => {
    const problems: string[] = [];
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), "utf8");
      problems.push(...rangeProblems(text, parse(text).ast, false).map((p) => `${file}: ${p}`));
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
