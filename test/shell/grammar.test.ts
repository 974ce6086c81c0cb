import { describe, expect, it } from "vitest";
import { createShellLexer } from "../../grammar/shell/lexer.js";
import { ShellParser } from "../../grammar/shell/parser.js";

describe("shell grammar", () => {
  it("passes chevrotain's lexer validations with first-char optimisations", () => {
    const lexer = createShellLexer(true);
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });

  it("passes chevrotain's grammar validations", () => {
    expect(() => new ShellParser(true)).not.toThrow();
  });
});
