import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SUBSTITUTION_DEPTH, parseShell } from "../../src/model/shell.js";
import { argv, commands } from "./helpers.js";

const messages = (text: string) => parseShell({ text }).diagnostics.map((d) => d.message);

describe("syntax errors", () => {
  it("reports stray closing words once per run and keeps reading", () => {
    const script = parseShell({ text: "echo a; fi; echo b )" });
    expect(script.commands.map(argv)).toEqual([["echo", "a"], ["echo", "b"]]);
    expect(script.diagnostics).toEqual([
      { message: "Unexpected 'fi'.", range: [8, 10] },
      { message: "Unexpected ')'.", range: [19, 20] },
    ]);
  });

  it("reports an unclosed if and still lists its commands", () => {
    const script = parseShell({ text: "if true; then echo x" });
    expect(script.commands.map(argv)).toEqual([["true"], ["echo", "x"]]);
    expect(script.diagnostics.map((d) => d.message)).toEqual(["Expected 'fi' but found the end of the script."]);
    expect(script.diagnostics[0].range).toEqual([20, 20]);
  });

  it("reports a missing done, an operator without a command, a redirection without a target", () => {
    expect(messages("for a in b; do c")).toEqual(["Expected 'done' but found the end of the script."]);
    expect(messages("a &&")).toHaveLength(1);
    expect(messages("a >")).toHaveLength(1);
  });

  it("keeps a command cut short by an error, and reports a repeated operator once", () => {
    const cut = parseShell({ text: "apt-get install -y curl >" });
    expect(cut.commands.map(argv)).toEqual([["apt-get", "install", "-y", "curl"]]);
    expect(cut.diagnostics.map((d) => d.message)).toEqual(["Expected a word but found the end of the script."]);
    const doubled = parseShell({ text: "a && && b" });
    expect(doubled.commands.map(argv)).toEqual([["a"], ["b"]]);
    expect(doubled.diagnostics).toEqual([{ message: "Unexpected '&&'.", range: [5, 7] }]);
  });

  it("reports unterminated quotes and substitutions with the word's range", () => {
    const script = parseShell({ text: "echo 'abc" });
    expect(script.commands.map(argv)).toEqual([["echo", "abc"]]);
    expect(script.diagnostics).toEqual([{ message: "Unterminated single quote.", range: [5, 9] }]);
    expect(messages('echo "abc')).toEqual(["Unterminated double quote."]);
    expect(messages("echo $(date")).toEqual(["Unterminated command substitution."]);
    expect(messages("echo ${x")).toEqual(["Unterminated parameter expansion."]);
    expect(messages("echo `date")).toEqual(["Unterminated backquote."]);
  });

  it("reports nothing for the empty script or comments only", () => {
    expect(parseShell({ text: "" })).toEqual({ commands: [], diagnostics: [] });
    expect(parseShell({ text: "  # just a comment\n\n" })).toEqual({ commands: [], diagnostics: [] });
  });

  it("recovers inside nested structures", () => {
    const script = parseShell({ text: "if a; then (b; fi; c" });
    expect(script.commands.map((c) => argv(c)[0])).toContain("b");
    expect(script.diagnostics.length).toBeGreaterThan(0);
  });
});

describe("never throws", () => {
  const alphabet = fc.constantFrom(
    ..."ab $(){}[]<>|&;'\"`\\\n#=!*?-~".split(""),
    "if ", "then ", "fi", "for ", "in ", "do ", "done", "case ", "esac", ";;", "<<EOF\n", "EOF\n", "$((", "))", "${", "[[ ", " ]]",
  );
  const scripts = fc.array(alphabet, { maxLength: 60 }).map((pieces) => pieces.join(""));

  it("returns commands and diagnostics with ranges inside the text, for any input", () => {
    fc.assert(
      fc.property(scripts, fc.constantFrom<"sh" | "bash">("sh", "bash"), (text, dialect) => {
        const script = parseShell({ text }, { dialect });
        const ranges = [
          ...script.diagnostics.map((d) => d.range),
          ...script.commands.flatMap((c) => [c.range, ...[c.name, ...c.args].flatMap((w) => (w ? [w.range] : []))]),
        ];
        for (const [start, end] of ranges) {
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThanOrEqual(start);
          expect(end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("lexes any Unicode text without lexer errors", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const script = parseShell({ text });
        expect(script.diagnostics.filter((d) => d.message.startsWith("Unexpected character"))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps each word's text equal to the source it covers", () => {
    fc.assert(
      fc.property(scripts, (text) => {
        for (const command of parseShell({ text }).commands) {
          if (command.context.includes("command-substitution")) continue;
          for (const w of [command.name, ...command.args]) if (w) expect(text.slice(w.range[0], w.range[1])).toBe(w.text);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("deep nesting", () => {
  it("reads $( … ) nested 1,000 deep without overflowing the stack, in linear time", () => {
    const depth = 1000;
    const text = "echo " + "$(echo ".repeat(depth) + "x" + ")".repeat(depth);
    const started = performance.now();
    const script = parseShell({ text });
    const elapsed = performance.now() - started;
    expect(script.diagnostics).toEqual([]);
    expect(script.commands).toHaveLength(depth + 1);
    expect(script.commands.at(-1)?.context).toHaveLength(depth);
    expect(argv(script.commands.at(-1)!)).toEqual(["echo", "x"]);
    // Rescanning every level (quadratic) takes seconds here; the memoised scan takes tens of ms.
    expect(elapsed).toBeLessThan(1500);
  });

  it("leaves command substitutions deeper than MAX_SUBSTITUTION_DEPTH unparsed, with one diagnostic", () => {
    const depth = MAX_SUBSTITUTION_DEPTH + 500;
    const text = "echo " + "$(echo ".repeat(depth) + "x" + ")".repeat(depth);
    const script = parseShell({ text });
    // The root command and one per parsed level; the deeper bodies stay text.
    expect(script.commands).toHaveLength(MAX_SUBSTITUTION_DEPTH + 1);
    expect(script.diagnostics).toHaveLength(1);
    expect(script.diagnostics[0].message).toMatch(/nested more than 1000 levels deep/);
    const cut = "echo ".length + "$(echo ".length * MAX_SUBSTITUTION_DEPTH + "$(".length;
    expect(script.diagnostics[0].range[0]).toBe(cut);
    expect(text.slice(script.diagnostics[0].range[1])).toBe(")".repeat(MAX_SUBSTITUTION_DEPTH + 1));
  });

  it("reads backquotes and double quotes nested in $( … ) deeply", () => {
    const depth = 300;
    const text = "echo " + '"$(echo '.repeat(depth) + "`date`" + ')"'.repeat(depth);
    const script = parseShell({ text });
    expect(script.diagnostics).toEqual([]);
    expect(script.commands.at(-1)?.name?.value).toBe("date");
  });

  it("still lists the commands of structures nested too deeply for the recursive parser", () => {
    const depth = 3000;
    const script = parseShell({ text: "if a; then ".repeat(depth) + "b" + "; fi".repeat(depth) });
    expect(script.commands).toHaveLength(depth + 1);
    expect(script.diagnostics[0].message).toMatch(/nested too deeply/);
    expect(commands("( ".repeat(5000) + "a" + " )".repeat(5000))).toEqual([["a"]]);
  });
});
