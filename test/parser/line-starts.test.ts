/**
 * The lexer notes where every line starts while it finds the line ends, for the parser's line and
 * column lookups: the same starts as searching the text for `\n`, under both lexer drivers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lexDockerfile, lexDockerfileFast } from "../../grammar/dockerfile/lexer.js";
import { dockerfileText } from "../fuzz/arbitraries.js";
import { adversaries, oddities } from "../robustness/adversarial-inputs.js";

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

function expectLineStarts(text: string): void {
  expect(lexDockerfileFast(text).lineStarts).toEqual(lineStarts(text));
  expect(lexDockerfile(text).lineStarts).toEqual(lineStarts(text));
}

describe("the lexer's line starts", () => {
  it("cover directives, a BOM, continuations, heredoc bodies and a missing final newline", () => {
    for (const text of [
      "",
      "\n",
      "\ufeff# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN b `\n  # c\n\n  d\n",
      "FROM a\nRUN <<EOF cat <<-'END'\nx\nEOF\n\tEND\nCOPY <<A <<B /\nunterminated\n\nlines",
      "RUN a \\",
      "FROM a\r\nRUN b \\\r\n  c\r\n\r\n",
    ]) expectLineStarts(text);
  });

  it("cover hostile, odd, generated and arbitrary text", () => {
    for (const { make, n } of adversaries) expectLineStarts(make(Math.min(n, 300)));
    for (const [, text] of oddities) expectLineStarts(text);
    fc.assert(fc.property(dockerfileText, (text) => expectLineStarts(text)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => expectLineStarts(text)), { numRuns: 300 });
  });
});
