/** Inline pragmas in the forms users already write switch findings off, by rule id or alias. */
import { describe, expect, it } from "vitest";
import { lint } from "../../src/engine/lint.js";
import { readPragmas } from "../../src/engine/pragmas.js";
import { parse } from "../../src/parse.js";
import preferCopy from "../../rules/prefer-copy.js";

const rules = [preferCopy];
const lines = (text: string) => lint(text, { rules }).findings.filter((f) => f.ruleId === "prefer-copy").map((f) => f.line);

describe("pragmas", () => {
  const body = "ADD a /a\nADD b /b\n";
  it.each([
    ["dockerlint, by id, next instruction", "FROM x\n# dockerlint ignore=prefer-copy\n" + body, [4]],
    ["dockerlint, with a reason", "FROM x\n# dockerlint ignore=prefer-copy -- vendored on purpose\n" + body, [4]],
    ["dockerlint global", "FROM x\n# dockerlint global ignore=prefer-copy\n" + body, []],
    ["hadolint by alias", "FROM x\n# hadolint ignore=DL3020\n" + body, [4]],
    ["hadolint, several ids", "FROM x\n# hadolint ignore=DL3008,DL3020\n" + body, [4]],
    ["hadolint global", "# hadolint global ignore=DL3020\nFROM x\n" + body, []],
    ["BuildKit check directive skips everything", "# check=skip=all\nFROM x\n" + body, []],
    ["BuildKit check comment above one instruction, by alias (case-insensitive)", "FROM x\n# check=skip=dl3020\n" + body, [4]],
    ["a pragma for another rule does nothing", "FROM x\n# hadolint ignore=DL3008\n" + body, [3, 4]],
    ["a pragma with comments between it and the instruction", "FROM x\n# hadolint ignore=DL3020\n# more words\n" + body, [5]],
    ["upper case, blanks before the `=`", "FROM x\n#  HADOLINT IGNORE\t =DL3020\n" + body, [4]],
    ["a BuildKit check comment with blanks before the `=`", "FROM x\n# Check =skip=DL3020\n" + body, [4]],
    ["a comment inside a continuation is no pragma", "FROM x\nADD a \\\n# hadolint ignore=DL3020\n  /a\nADD b /b\n", [2, 5]],
    ["a pragma at the end of the file does nothing", "FROM x\n" + body + "# hadolint ignore=DL3020\n", [2, 3]],
  ])("%s", (_name, text, expected) => expect(lines(text)).toEqual(expected));

  it("reads scope and reason", () => {
    const pragmas = readPragmas(parse("# check=skip=JSONArgsRecommended\nFROM a\n# dockerlint ignore=x,y -- because\nRUN b\n").ast);
    expect(pragmas.map((p) => [p.ids, p.scope === "file" ? "file" : "next", p.reason])).toEqual([
      [["JSONArgsRecommended"], "file", undefined],
      [["x", "y"], "next", "because"],
    ]);
  });
});
