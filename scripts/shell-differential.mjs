#!/usr/bin/env node
/**
 * Differential check of dockerlint's shell parser against tree-sitter-bash: over the shell-form
 * RUN instructions of ../shared/corpus/real (files tagged windows skipped; RUN texts read by the
 * project's Dockerfile parser), compares, per simple command, the command name and the literal
 * value of each argument.
 *
 * Usage (after `npx tsc -p tsconfig.build.json`):
 *   node scripts/shell-differential.mjs [--examples N]
 *
 * The functions are exported for test/shell/differential.test.ts, which runs the same check on
 * the TypeScript sources.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CORPUS = resolve(ROOT, "../shared/corpus/real");

/** The corpus files not tagged `windows` in MANIFEST.tsv, as absolute paths. */
export function corpusFiles(corpus = CORPUS) {
  const rows = readFileSync(join(corpus, "MANIFEST.tsv"), "utf8").split("\n").slice(1);
  return rows
    .map((row) => row.split("\t"))
    .filter((cells) => cells.length >= 7 && !cells[6].split(",").includes("windows"))
    .map((cells) => join(corpus, "files", cells[0]));
}

/** A tree-sitter-bash parser (web-tree-sitter + the grammar's wasm). */
export async function loadTreeSitterBash() {
  const { Parser, Language } = await import("web-tree-sitter");
  await Parser.init();
  const language = await Language.load(join(ROOT, "node_modules/tree-sitter-bash/tree-sitter-bash.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

const EXPANSION = "<exp>";
const ANSI_C = "<ansi-c>";
const EXPANDING_NODES = new Set([
  "simple_expansion", "expansion", "command_substitution", "process_substitution", "arithmetic_expansion", "brace_expression",
]);

/** Literal value of a tree-sitter word node, or a marker for words with expansions / `$'…'`. */
function treeSitterWord(node) {
  let expansion = false;
  let ansi = false;
  const visit = (n) => {
    if (EXPANDING_NODES.has(n.type)) expansion = true;
    else if (n.type === "ansi_c_string") ansi = true;
    else if (n.type === "raw_string") return n.text.slice(1, -1);
    else if (n.type === "string") {
      let out = "";
      for (const child of n.namedChildren) {
        if (child.type === "string_content") out += child.text.replace(/\\([$`"\\\n])/g, "$1").replace(/\\\n/g, "");
        else visit(child);
      }
      return out;
    } else if (n.type === "concatenation") {
      let out = "";
      for (const child of n.children) out += child.isNamed ? visit(child) : child.text;
      return out;
    } else if (n.type === "word" || n.type === "number") return n.text.replace(/\\\n/g, "").replace(/\\(.)/gs, "$1");
    else return n.text;
    return "";
  };
  const value = visit(node);
  return expansion ? EXPANSION : ansi ? ANSI_C : value;
}

/** The signature of every simple command tree-sitter-bash finds in a script. */
export function treeSitterSignatures(parser, text) {
  const tree = parser.parse(text);
  const out = [];
  const stack = [tree.rootNode];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === "command") {
      const name = node.childForFieldName("name");
      if (name !== null) {
        out.push([treeSitterWord(name.namedChildren[0] ?? name), ...node.childrenForFieldName("argument").map(treeSitterWord)].join(" ␟ "));
      }
    } else if (node.type === "declaration_command" || node.type === "unset_command") {
      const words = [node.child(0).text];
      for (const child of node.namedChildren) {
        if (child.type === "variable_assignment") {
          const value = child.childForFieldName("value");
          const literal = value === null ? "" : treeSitterWord(value);
          words.push(literal === EXPANSION || literal === ANSI_C ? literal : `${child.childForFieldName("name").text}=${literal}`);
        } else if (child.type !== "comment") words.push(treeSitterWord(child));
      }
      out.push(words.join(" ␟ "));
    }
    for (let i = node.namedChildCount - 1; i >= 0; i--) stack.push(node.namedChild(i));
  }
  tree.delete();
  return out;
}

/** The signature of a word of ours: literal and glob text, or the same markers as tree-sitter's. */
function ourWord(word) {
  let out = "";
  let ansi = false;
  for (const part of word.parts) {
    if (part.kind === "literal") {
      out += part.value;
      if (part.quoted === "ansi-c") ansi = true;
    } else if (part.kind === "glob") out += part.text;
    else return EXPANSION;
  }
  return ansi ? ANSI_C : out;
}

/** The signature of every simple command of ours; `[` and `[[` tests are not commands for tree-sitter. */
export function ourSignatures(script) {
  return script.commands
    .filter((c) => c.name !== undefined && c.name.value !== "[" && c.name.value !== "[[")
    .map((c) => [c.name, ...c.args].map(ourWord).join(" ␟ "));
}

/** Multiset comparison of two signature lists. */
export function compareSignatures(ours, theirs) {
  const counts = new Map();
  for (const s of theirs) counts.set(s, (counts.get(s) ?? 0) + 1);
  const onlyOurs = [];
  for (const s of ours) {
    const c = counts.get(s) ?? 0;
    if (c > 0) counts.set(s, c - 1);
    else onlyOurs.push(s);
  }
  const onlyTheirs = [];
  for (const [s, c] of counts) for (let k = 0; k < c; k++) onlyTheirs.push(s);
  const total = Math.max(ours.length, theirs.length);
  return { total, matched: total - Math.max(onlyOurs.length, onlyTheirs.length), onlyOurs, onlyTheirs };
}

/**
 * The shell-form RUN texts of a Dockerfile, read by the project's parser (`parse(text).ast`).
 * RUN here-documents are left out: their bodies are not part of the instruction's value.
 */
export function runTexts(text, parse) {
  return parse(text).ast.instructions
    .filter((i) => i.type === "RUN" && i.command?.type === "ShellForm" && !/^\s*<<-?\s*["']?\w/.test(i.command.value))
    .map((i) => i.command.value);
}

/**
 * Runs the differential over `files`: `parseShell` is the shell parser under test, `parse` the
 * project's Dockerfile parser. Returns totals and the disagreeing scripts.
 */
export async function runDifferential({ parseShell, parse, files }) {
  const parser = await loadTreeSitterBash();
  let total = 0;
  let matched = 0;
  let scripts = 0;
  const disagreements = [];
  for (const file of files) {
    for (const text of runTexts(readFileSync(file, "utf8"), parse)) {
      scripts++;
      const result = compareSignatures(ourSignatures(parseShell({ text })), treeSitterSignatures(parser, text));
      total += result.total;
      matched += result.matched;
      if (result.matched < result.total) disagreements.push({ file, text, ...result });
    }
  }
  parser.delete();
  return { scripts, total, matched, agreement: total === 0 ? 1 : matched / total, disagreements };
}

async function main() {
  const examples = Number(process.argv[process.argv.indexOf("--examples") + 1] || 20);
  const { parseShell } = await import(pathToFileURL(join(ROOT, "dist/src/model/shell.js")).href);
  const { parse } = await import(pathToFileURL(join(ROOT, "dist/src/index.js")).href);
  const report = await runDifferential({ parseShell, parse, files: corpusFiles() });
  console.log(`RUN scripts: ${report.scripts}, simple commands: ${report.total}`);
  console.log(`agreement: ${report.matched}/${report.total} = ${(report.agreement * 100).toFixed(3)}%`);
  for (const d of report.disagreements.slice(0, examples)) {
    console.log(`\n${d.file.split("/").pop()}: ${JSON.stringify(d.text.slice(0, 300))}`);
    for (const s of d.onlyOurs) console.log(`  ours only:        ${s.slice(0, 200)}`);
    for (const s of d.onlyTheirs) console.log(`  tree-sitter only: ${s.slice(0, 200)}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
