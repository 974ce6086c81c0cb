import { describe, expect, it } from "vitest";
import { parseShell } from "../../src/model/shell.js";

describe("ranges", () => {
  it("gives commands, words, assignments and redirections their offsets in the text", () => {
    const text = "A=1 cmd 'x y' 2>/dev/null && b";
    const [first, second] = parseShell({ text }).commands;
    const slice = (range: readonly [number, number]) => text.slice(range[0], range[1]);
    expect(slice(first.range)).toBe("A=1 cmd 'x y' 2>/dev/null");
    expect(slice(first.assignments[0].range)).toBe("A=1");
    expect(slice(first.assignments[0].value!.range)).toBe("1");
    expect(slice(first.name!.range)).toBe("cmd");
    expect(slice(first.args[0].range)).toBe("'x y'");
    expect(slice(first.redirects[0].range)).toBe("2>/dev/null");
    expect(slice(second.range)).toBe("b");
  });

  it("maps offsets through toSource, ends included", () => {
    // The RUN text "a && b" sits at offset 100 of a Dockerfile: identity plus a base offset.
    const script = parseShell({ text: "a && b", toSource: (offset) => offset + 100 });
    expect(script.commands.map((c) => c.range)).toEqual([[100, 101], [105, 106]]);
  });

  it("maps across a removed line continuation without stretching a word over it", () => {
    // Dockerfile: "RUN echo a \\\n    b" — the joined text "echo a     b" drops "\\\n" at offset 11.
    const dockerfile = "RUN echo a \\\n    b";
    const text = "echo a     b";
    const toSource = (offset: number) => 4 + offset + (offset >= 7 ? 2 : 0);
    const [command] = parseShell({ text, toSource }).commands;
    expect(command.args.map((w) => dockerfile.slice(w.range[0], w.range[1]))).toEqual(["a", "b"]);
    expect(dockerfile.slice(command.range[0], command.range[1])).toBe("echo a \\\n    b");
  });

  it("maps commands inside command substitutions and backquotes to their place in the text", () => {
    const text = 'x "$(id -u)" `echo \\`date\\``';
    const script = parseShell({ text });
    const slice = (range: readonly [number, number]) => text.slice(range[0], range[1]);
    expect(script.commands.map((c) => slice(c.range))).toEqual([text, "id -u", "echo \\`date\\`", "date"]);
  });

  it("places diagnostics of a substitution inside it", () => {
    const text = "echo $(fi)";
    expect(parseShell({ text }).diagnostics).toEqual([{ message: "Unexpected 'fi'.", range: [7, 9] }]);
  });
});
