/**
 * The fast path reads every script into one reused token buffer: a script must not see anything
 * of the one read before it, however large that one was.
 */
import { describe, expect, it } from "vitest";
import { parseShell } from "../../src/model/shell.js";

describe("the fast path's token buffer", () => {
  it("reads a huge script, a small one and the huge one again alike", () => {
    const huge = Array.from({ length: 30_000 }, (_, i) => `a${i} "$x" >f${i}`).join(" && ");
    const first = parseShell({ text: huge });
    const small = parseShell({ text: 'A="$(id -u)" b | c' });
    const again = parseShell({ text: huge });
    expect(first.commands).toHaveLength(30_000);
    expect(again).toStrictEqual(first);
    // The substitution's command sits in the pipeline its holder was marked with after it was built.
    expect(small.commands.map((c) => [c.name?.value, c.context])).toEqual([
      ["b", ["pipeline"]],
      ["id", ["pipeline", "command-substitution"]],
      ["c", ["pipeline"]],
    ]);
  });
});
