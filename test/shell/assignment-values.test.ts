/**
 * The value of an assignment that the fast path read: the model takes it from the lexer's reading
 * of the whole `name=value` word (without the `name=` prefix), where the grammar reads the value
 * again on its own. Both must give the same value word: parts, value, substitutions (with their
 * offsets), problems and ranges.
 */
import { describe, expect, it } from "vitest";
import { parseFast } from "../../grammar/shell/fast.js";
import { parseShell } from "../../src/model/shell.js";

const CASES = [
  'A="x y" cmd',
  'A=x"y"\'z\' cmd',
  'A="" B=\'\' cmd',
  "A=\\$x B=a\\ b",
  'A=$HOME/bin:"$PATH" B=${X:-$(uname -m)}',
  'A+="$(id -u)" B+=$\'a\\tb\'',
  "A=`date +%s` B=\"`echo \\\"q\\\"`\"",
  'A="$(a "$(b)")" cmd "$A"',
  "A=*.gz B=[ab] C=~/x",
  'a[$i]="$x" b[1]=2',
  'A="unterminated',
  "A=$(unterminated",
  "for x in 1; do A=\"$(echo $x)\" B=$((1 + $(nproc))); done",
];

describe("assignment values read by the fast path", () => {
  it.each(CASES)("%j: the grammar's value words", (text) => {
    expect(parseFast(text, { base: 0, memo: undefined, bash: true })).toBeDefined();
    const auto = parseShell({ text, toSource: (offset) => offset * 3 + 1 }, { engine: "auto" });
    const grammar = parseShell({ text, toSource: (offset) => offset * 3 + 1 }, { engine: "grammar" });
    expect(auto).toStrictEqual(grammar);
    expect(auto.commands.some((c) => c.assignments.some((a) => a.value !== undefined))).toBe(true);
  });
});
