import { describe, expect, it } from "vitest";
import { createShellLexer, lexShell } from "../../grammar/shell/lexer.js";
import { ShellParser } from "../../grammar/shell/parser.js";
import { BASH_RESERVED_WORDS, SH_RESERVED_WORDS } from "../../grammar/shell/fast.js";
import { allTokenTypes, T } from "../../grammar/shell/tokens.js";

const firstToken = (text: string, dialect: "sh" | "bash") => lexShell(text, { dialect, base: 0, memo: undefined }).tokens[0].tokenType;

describe("shell grammar", () => {
  it("passes chevrotain's lexer validations, first-char optimisations included (they throw otherwise)", () => {
    expect(createShellLexer(true).lexerDefinitionErrors).toEqual([]);
  });

  it("passes chevrotain's grammar validations (the constructor throws otherwise)", () => {
    expect(() => new ShellParser(true)).not.toThrow();
  });

  it("has a reserved-word token for exactly the spellings the fast path treats as reserved", () => {
    const spelled = allTokenTypes
      // Custom patterns with a quoted spelling as label (operators have string patterns, categories none).
      .filter((type) => typeof type.PATTERN === "object" && !(type.PATTERN instanceof RegExp) && /^'.+'$/.test(type.LABEL ?? ""))
      .map((type) => (type.LABEL as string).slice(1, -1));
    expect(new Set(spelled)).toEqual(BASH_RESERVED_WORDS);
    for (const word of BASH_RESERVED_WORDS) {
      expect(firstToken(word, "bash")).not.toBe(T.PlainWord);
      expect(firstToken(word, "sh") === T.PlainWord).toBe(!SH_RESERVED_WORDS.has(word));
    }
  });
});

describe("shell lexer start-character hints", () => {
  it("lexes words starting with any UTF-16 code unit above 255", () => {
    const starts: number[] = [];
    for (let c = 256; c < 65536; c += 53) if (c < 0xd800 || c > 0xdfff) starts.push(c);
    starts.push(255 * 2 - 1, 255 * 2, 65535);
    const text = starts.map((c) => `${String.fromCharCode(c)}x`).join(" ");
    const lexed = lexShell(text, { dialect: "bash", base: 0, memo: undefined });
    expect(lexed.problems).toEqual([]);
    expect(lexed.tokens.map((t) => t.image)).toEqual(text.split(" "));
  });
});
