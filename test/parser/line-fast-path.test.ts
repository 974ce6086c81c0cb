/**
 * The plain-loop driver of the line tokens (`lexDockerfileFast`, which `parse` uses) against
 * chevrotain's lexer running the same token definitions (`lexDockerfile`, the reference): the same
 * tokens, payloads and escape character for every input, so chevrotain's grammar groups them alike;
 * and, under both drivers, the line starts the lexer notes for the parser's line and column lookups
 * are those of searching the text for `\n`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import { lexDockerfile, lexDockerfileFast } from "../../grammar/dockerfile/lexer.js";
import { dockerfileText } from "../fuzz/arbitraries.js";
import { adversaries, oddities } from "../robustness/adversarial-inputs.js";
import { describeShared } from "../support/shared.js";

const tokenView = (t: IToken) => ({ type: t.tokenType.name, idx: t.tokenTypeIdx, image: t.image, start: t.startOffset, payload: t.payload });

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/** Lexes `text` both ways and expects the same, with the line starts of the text. */
function expectSame(text: string): void {
  const reference = lexDockerfile(text);
  const fast = lexDockerfileFast(text);
  expect(fast.escapeChar).toBe(reference.escapeChar);
  expect(fast.tokens.map(tokenView)).toEqual(reference.tokens.map(tokenView));
  const starts = lineStarts(text);
  expect(fast.lineStarts).toEqual(starts);
  expect(reference.lineStarts).toEqual(starts);
}

describe("the fast line lexer", () => {
  it("agrees with chevrotain on directives, continuations, comments inside them, heredocs and a BOM", () => {
    for (const text of [
      "",
      "\n",
      "\ufeff# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN b `\n  # c\n\n  d\n",
      "# check=skip=all\n#escape=\\\n# escape=`\n\nFROM a\n",
      "FROM a\nRUN <<EOF cat <<-'END'\nx\nEOF\n\tEND\nCOPY <<A <<B /\nunterminated\n",
      "RUN a \\\n# only comments after\n\n",
      "RUN a \\",
      "FROM a\r\nRUN b \\\r\n  c\r\n",
      "FROM a\r\nRUN b \\\r\n  c\r\n\r\n",
      "FROM a\nRUN <<EOF cat <<-'END'\nx\nEOF\n\tEND\nCOPY <<A <<B /\nunterminated\n\nlines",
    ]) expectSame(text);
  });

  it("agrees with chevrotain on hostile and odd inputs", () => {
    for (const { make, n } of adversaries) expectSame(make(Math.min(n, 300)));
    for (const [, text] of oddities) expectSame(text);
  });

  it("agrees with chevrotain on generated Dockerfiles and arbitrary text", () => {
    fc.assert(fc.property(dockerfileText, (text) => expectSame(text)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => expectSame(text)), { numRuns: 300 });
  });
});

describeShared("corpus/real/files", "the fast line lexer over the corpus", (files) => {
  it("agrees with chevrotain on every file", () => {
    for (const name of readdirSync(files)) expectSame(readFileSync(join(files, name), "utf8"));
  }, 300_000);
});
