/**
 * Every regular expression written in the grammar, the library and the rules is checked for
 * catastrophic backtracking: scslre looks for inputs (a character repeated) that make a regex
 * take exponential or polynomial time, counting the scan over every start position.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { RegExpParser } from "@eslint-community/regexpp";
import { analyse } from "scslre";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/shared.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

interface FoundRegex {
  where: string;
  regex: RegExp;
}

/** Regex literals and `new RegExp("literal", "flags")` calls of a file. */
function regexesIn(path: string): FoundRegex[] {
  const text = readFileSync(path, "utf8");
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: FoundRegex[] = [];
  const where = (node: ts.Node) => `${relative(PROJECT_ROOT, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const m = /^\/(.*)\/([a-z]*)$/s.exec(node.text)!;
      found.push({ where: where(node), regex: new RegExp(m[1], m[2]) });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "RegExp") {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern && ts.isStringLiteralLike(pattern)) {
        found.push({ where: where(node), regex: new RegExp(pattern.text, flags && ts.isStringLiteralLike(flags) ? flags.text : "") });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const regexes = ["grammar", "src", "rules"].flatMap((dir) => sourceFiles(join(PROJECT_ROOT, dir))).flatMap(regexesIn);

describe("regular expressions", () => {
  it("finds the project's regexes", () => expect(regexes.length).toBeGreaterThan(10));
  it("has no regex with super-linear worst-case time", () => {
    const parser = new RegExpParser();
    const unsafe = regexes.flatMap(({ where, regex }) => {
      const { reports } = analyse(parser.parseLiteral(String(regex)), { assumeRejectingSuffix: false });
      return reports.map((r) => `${where} ${regex}: ${r.exponential ? "exponential" : "polynomial"} (${r.type})`);
    });
    expect(unsafe).toEqual([]);
  });
});
