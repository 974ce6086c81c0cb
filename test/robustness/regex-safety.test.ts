/**
 * Every regular expression written in the grammar, the library and the rules is checked for
 * catastrophic backtracking: scslre looks for inputs (a character repeated) that make a regex
 * take exponential or polynomial time, counting the scan over every start position. Regexes the
 * code builds from templates, tables and lists are collected as they are built, from the compiled
 * library (dist/) in a child process.
 */
import { spawnSync } from "node:child_process";
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

/**
 * The child: a RegExp constructor that notes what the compiled library and rules build (not their
 * dependencies), then loading them and linting the fixtures, so that regexes built on first use are
 * built too. Prints `[source, flags, where]` triples.
 */
const COLLECT_BUILT = `
const root = process.argv[1];
const Native = RegExp;
const built = new Map();
globalThis.RegExp = new Proxy(Native, {
  construct(target, args, newTarget) {
    const regex = Reflect.construct(target, args, newTarget);
    const caller = new Error().stack.split("\\n")[2] ?? "";
    const at = caller.indexOf(root + "/dist/");
    if (at >= 0 && !caller.includes("node_modules")) built.set(String(regex), [regex.source, regex.flags, caller.slice(at + root.length + 1).replace(/\\)$/, "")]);
    return regex;
  },
});
const { lint } = await import(root + "/dist/src/index.js");
await import(root + "/dist/rules/index.js");
const { readdirSync, readFileSync } = await import("node:fs");
for (const name of readdirSync(root + "/fixtures")) lint(readFileSync(root + "/fixtures/" + name, "utf8"));
console.log(JSON.stringify([...built.values()]));
`;

function builtRegexes(): FoundRegex[] {
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", COLLECT_BUILT, PROJECT_ROOT], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`collecting the built regexes failed (is dist/ built?): ${child.stderr}`);
  const triples = JSON.parse(child.stdout) as [string, string, string][];
  return triples.map(([source, flags, where]) => ({ where, regex: new RegExp(source, flags) }));
}

describe("regular expressions", () => {
  it("finds the project's regexes", () => expect(regexes.length).toBeGreaterThan(10));
  const built = builtRegexes();
  it("finds the regexes the code builds", () => {
    // The expansion lexer's run ends, the package managers' version operators and program names, the JSON array of no-single-quoted-json.
    for (const file of ["src/expand/lexer.js", "src/model/package-managers/package-words.js", "src/model/package-managers/index.js", "rules/no-single-quoted-json.js"]) {
      expect(built.some((b) => b.where.startsWith(`dist/${file}`)), file).toBe(true);
    }
  });
  it("has no regex with super-linear worst-case time", () => {
    const parser = new RegExpParser();
    const unsafe = [...regexes, ...built].flatMap(({ where, regex }) => {
      const { reports } = analyse(parser.parseLiteral(String(regex)), { assumeRejectingSuffix: false });
      return reports.map((r) => `${where} ${regex}: ${r.exponential ? "exponential" : "polynomial"} (${r.type})`);
    });
    expect(unsafe).toEqual([]);
  });
});
