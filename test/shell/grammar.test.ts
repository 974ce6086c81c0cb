import { describe, expect, it } from "vitest";
import { createShellLexer } from "../../grammar/shell/lexer.js";
import { ShellParser } from "../../grammar/shell/parser.js";

describe("shell grammar", () => {
  it("passes chevrotain's lexer validations, first-char optimisations included (they throw otherwise)", () => {
    expect(createShellLexer(true).lexerDefinitionErrors).toEqual([]);
  });

  it("passes chevrotain's grammar validations (the constructor throws otherwise)", () => {
    expect(() => new ShellParser(true)).not.toThrow();
  });
});
