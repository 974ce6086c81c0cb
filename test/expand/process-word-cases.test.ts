/**
 * Every case of ../shared/conformance/buildkit-shell/process-word-cases.json: the upstream
 * `lex_test.go` tables and the authored edge cases, each checked against the reference lexer's
 * output for ProcessWordWithMatches (word, matched, unmatched or the error) and ProcessWords.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envFrom, processWord, processWords, type LexOptions } from "../../src/expand/index.js";
import { describeShared } from "../support/shared.js";

interface Reference {
  word?: string;
  matched?: string[];
  unmatched?: string[];
  words?: string[];
  wordError?: string;
  wordsError?: string;
}

interface WordCase {
  input: string;
  env: Record<string, string>;
  escape: "\\" | "`";
  upstreamExpect?: { word?: string; matched?: string[]; unmatched?: string[]; error?: boolean };
  reference: Reference;
}

interface CaseFile {
  upstream: WordCase[];
  authored: WordCase[];
}

function check(c: WordCase): void {
  const env = envFrom(c.env);
  const options: LexOptions = { escapeToken: c.escape };
  const word = processWord(c.input, env, options);
  if (c.reference.wordError !== undefined) expect(word).toEqual({ ok: false, error: c.reference.wordError });
  else expect(word).toEqual({ ok: true, value: c.reference.word, matched: c.reference.matched, unmatched: c.reference.unmatched });

  const words = processWords(c.input, env, options);
  if (c.reference.wordsError !== undefined) expect(words).toEqual({ ok: false, error: c.reference.wordsError });
  else expect(words).toMatchObject({ ok: true, words: c.reference.words });
}

describeShared("conformance/buildkit-shell/process-word-cases.json", "process-word-cases.json", (path) => {
  const data = JSON.parse(readFileSync(path, "utf8")) as CaseFile;

  it("has the documented number of cases", () => {
    expect([data.upstream.length, data.authored.length]).toEqual([56, 74]);
  });

  for (const [group, cases] of [
    ["upstream", data.upstream],
    ["authored", data.authored],
  ] as const) {
    describe(group, () => {
      it.each(cases.map((c, i) => [`#${i} ${c.input}`, c] as const))("%s", (_name, c) => check(c));
    });
  }

  describe("upstream expectations agree with the reference", () => {
    it.each(data.upstream.map((c, i) => [`#${i} ${c.input}`, c] as const))("%s", (_name, c) => {
      const result = processWord(c.input, envFrom(c.env), { escapeToken: c.escape });
      const expected = c.upstreamExpect ?? {};
      if (expected.error === true) return expect(result.ok).toBe(false);
      // Upstream checks only some fields (TestShellParserMandatoryEnvVars checks just the word).
      expect(result).toMatchObject({
        ok: true,
        value: expected.word,
        ...(expected.matched && { matched: expected.matched }),
        ...(expected.unmatched && { unmatched: expected.unmatched }),
      });
    });
  });
});
