/**
 * Unit cases for the shell-word lexer that the shared conformance data does not cover: Go
 * quirks (regexp `.` and newlines, ReplaceAllString templates, text/scanner's BOM skipping,
 * `%q` quoting in errors), the shared word buffer, options, and linear-time patterns.
 */
import { describe, expect, it } from "vitest";
import { emptyEnv, envFrom, processWord, processWords } from "../../src/expand/index.js";

const env = envFrom({ X: "abcab", NL: "a\nb", SP: "a  b", EMPTY: "" });
const value = (input: string) => {
  const result = processWord(input, env);
  return result.ok ? result.value : result.error;
};

describe("processWord", () => {
  it("returns plain words unchanged with no lookups", () => {
    expect(processWord("/usr/local/bin", emptyEnv)).toEqual({ ok: true, value: "/usr/local/bin", matched: [], unmatched: [] });
  });

  it("reports every variable looked up, including unused defaults", () => {
    expect(processWord("${X:-$A}${B:+$C}$X", env)).toEqual({ ok: true, value: "abcababcab", matched: ["X"], unmatched: ["A", "B", "C"] });
  });

  it("sorts names by code point, as Go does", () => {
    expect(processWord("$\u{1D49C}$\uFF5A$b$B", emptyEnv)).toMatchObject({ unmatched: ["B", "b", "\uFF5A", "\u{1D49C}"] });
  });

  it("matches * and ? against anything but a newline, like Go's regexp `.`", () => {
    expect(value("${NL##*}")).toBe("\nb");
    expect(value("${NL%%*}")).toBe("a\n");
    expect(value("${NL/?/z}")).toBe("z\nb");
    expect(value("${NL//?/z}")).toBe("z\nz");
  });

  it("expands $0 and $$ in //replacements as Go's ReplaceAllString does, but not in /", () => {
    expect(value("${X//b/'[$0]'}")).toBe("a[b]ca[b]");
    expect(value("${X//b/'$$'}")).toBe("a$ca$");
    expect(value("${X//b/'${0}-$1-$name-${x'}")).toBe("ab---${xcab---${x");
    expect(value("${X/b/'$0'}")).toBe("a$0cab");
  });

  it("replaces empty matches as Go does", () => {
    expect(value("${X//$EMPTY/-}")).toBe("-a-b-c-a-b-");
    expect(value("${X//*/-}")).toBe("-");
  });

  it("names the reversed pattern in % errors, as BuildKit does", () => {
    expect(value("${X%a\\b}")).toBe('failed to process "${X%a\\\\b}": invalid pattern (\\ba) in substitution: invalid escape \'\\b\'');
  });

  it("skips a byte order mark at the start, like Go's text/scanner", () => {
    expect(value("\uFEFF$X")).toBe("abcab");
    expect(value("a\uFEFF")).toBe("a\uFEFF");
  });

  it("quotes the input in errors with Go's %q", () => {
    expect(value('a\n"b')).toBe('failed to process "a\\n\\"b": unexpected end of statement while looking for matching double-quote');
    expect(value('"${')).toBe('failed to process "\\"${": syntax error: missing \'}\'');
    expect(value("${X")).toBe('failed to process "${X": unsupported modifier (\uFFFD) in substitution');
    expect(value("${X:#a}")).toBe('failed to process "${X:#a}": unsupported modifier (:#) in substitution');
  });

  it("keeps references to unset variables with skipUnsetEnv", () => {
    const options = { skipUnsetEnv: true };
    expect(processWord("$A ${B} ${C:-d} ${D//a/b} $X", env, options)).toMatchObject({ value: "$A ${B} ${C:-d} ${D/a/b} abcab" });
  });

  it("keeps quotes and escapes with rawQuotes and rawEscapes", () => {
    expect(processWord(`'a' "b\\c" \\d`, env, { rawQuotes: true, rawEscapes: true })).toMatchObject({ value: `'a' "b\\\\c" \\d` });
  });

  it("treats quotes as text with skipProcessQuotes (heredoc bodies)", () => {
    expect(processWord(`'$X' "\\$X"`, env, { skipProcessQuotes: true })).toMatchObject({ value: `'abcab' "$X"` });
  });

  it("treats \\ as an ordinary character with the backtick escape", () => {
    expect(processWord("C:\\dir\\$X `$X", env, { escapeToken: "`" })).toMatchObject({ value: "C:\\dir\\abcab $X" });
  });

  it("returns an error instead of overflowing the stack on absurd nesting", () => {
    const nest = (n: number) => "${A:-".repeat(n) + "x" + "}".repeat(n);
    expect(processWord(nest(200), emptyEnv)).toMatchObject({ ok: true, value: "x" });
    expect(processWord(nest(100_000), emptyEnv)).toMatchObject({ ok: false, error: expect.stringContaining("expansion nested more than 200 levels deep") });
  });

  it("does not backtrack on hostile patterns", () => {
    const long = envFrom({ A: "a".repeat(3_000) });
    const started = performance.now();
    expect(processWord("${A##*a*a*a*a*a*a*a*a*b}", long)).toMatchObject({ value: "a".repeat(3_000) });
    expect(processWord("${A//*a*a*a*a*a*b/x}", long)).toMatchObject({ value: "a".repeat(3_000) });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("processWords", () => {
  it("splits on whitespace from unquoted expansions only", () => {
    expect(processWords('x${SP}y "$SP"', env)).toMatchObject({ words: ["xa", "by", "a  b"] });
  });

  it("drops the outer word's text before a nested ${…}, like BuildKit's shared buffer", () => {
    expect(processWords("a${Y:-b}c d", env)).toMatchObject({ words: ["bc", "d"] });
    expect(processWords("a $X", env)).toMatchObject({ words: ["a", "abcab"] });
  });

  it("drops empty quoted words", () => {
    expect(processWords('a "" b', env)).toMatchObject({ words: ["a", "b"] });
  });

  it("splits on Go's whitespace: NBSP and NEL yes, U+FEFF no", () => {
    expect(processWords("a\u00a0b\u0085c\ufeffd", emptyEnv)).toMatchObject({ words: ["a", "b", "c\ufeffd"] });
  });
});

describe("envFrom", () => {
  it("sees only a record's own keys", () => {
    const lookup = envFrom({ A: "1" });
    expect([lookup("A"), lookup("constructor"), lookup("__proto__")]).toEqual(["1", undefined, undefined]);
  });
});
