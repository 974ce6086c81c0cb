/**
 * The fast path takes a word that is not plain apart while it finds where the word ends
 * (`readWord`); the grammar finds the end with `scanWordEnd` and the model takes the word apart
 * afterwards (`analyzeWord`). Both must agree, on any text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanWordEnd, type ScanPlace } from "../../grammar/shell/scan.js";
import { analyzeWord, readWord } from "../../src/model/shell/word.js";

const place = (bash: boolean): ScanPlace => ({ base: 0, memo: undefined, bash });

/** Both ways of reading the word at `start`; `read` is undefined when `readWord` leaves the word to `scanWordEnd`. */
function bothWays(text: string, start: number, bash: boolean) {
  const end = scanWordEnd(text, start, place(bash));
  const read = readWord(text, start, place(bash));
  const analysis = analyzeWord(text.slice(start, end), place(bash));
  return { end, read, analysis };
}

const withoutEnd = (analysis: object) => ({ ...analysis, end: undefined });

/** Characters that matter to the end of a word or to its parts, and a few that do not. */
const SHELL_CHARS = [..."ab=_1ceé\r \t\n;&|<>()'\"\\`${}[]*?#!@-+:"];

describe("readWord", () => {
  it("ends words where scanWordEnd does and takes them apart as analyzeWord does", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SHELL_CHARS), { maxLength: 24 }), fc.nat(4), fc.boolean(), (chars, skip, bash) => {
        const text = "x" + chars.join("");
        const start = Math.min(skip, text.length - 1);
        const { end, read, analysis } = bothWays(text, start, bash);
        if (read === undefined) {
          // Only a bash array assignment, or `$$` before what `$` opens, is left to scanWordEnd.
          expect(text.slice(start, end)).toMatch(/^[A-Za-z_][A-Za-z0-9_]*\+?=\(|\$\$[({'"]/);
          return;
        }
        expect(read.end).toBe(end);
        expect(withoutEnd(read)).toEqual(withoutEnd(analysis));
      }),
      { numRuns: 3000 },
    );
  });

  it("looks for a bracket expression's `]` inside the word only", () => {
    expect(readWord("ls [a b]", 3, place(true))?.parts).toEqual([{ kind: "literal", value: "[a", quoted: "none" }]);
    expect(readWord("ls x[ab]y z", 3, place(true))?.parts.map((p) => p.kind)).toEqual(["literal", "glob", "literal"]);
  });

  it("counts substitution offsets from the word's start", () => {
    const read = readWord("echo a$(b)`c\\$d`", 5, place(true));
    expect(read?.substitutions.map((s) => [s.start, s.body, s.offsets])).toEqual([[3, "b", undefined], [6, "c$d", [6, 8, 9]]]);
  });

  it("leaves a bash array assignment to scanWordEnd", () => {
    expect(readWord("a=(1 2) b", 0, place(true))).toBeUndefined();
    expect(readWord("'a'=(1 2)", 0, place(true))?.end).toBe(4);
  });

  it("leaves `$$(` to scanWordEnd, which reads `$` then `$(…)`", () => {
    expect(readWord("a$$(b c)", 0, place(true))).toBeUndefined();
    expect(readWord("a$$b c", 0, place(true))?.end).toBe(4);
  });
});
