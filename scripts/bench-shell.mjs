#!/usr/bin/env node
/**
 * Benchmark of the shell parser: dockerlint's parseShell (lex + parse + words + substitutions,
 * from dist/) against tree-sitter-bash (web-tree-sitter: the parse tree alone, and the tree plus
 * reading each command's name and argv out of it, which is what parseShell returns) and mvdan-sh
 * (GopherJS build of mvdan/sh, parse tree only), per RUN of the real corpus (Windows files skipped).
 *
 * Usage: npx tsc -p tsconfig.build.json && node --expose-gc scripts/bench-shell.mjs [--rounds 7]
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { corpusFiles, loadTreeSitterBash, runTexts, treeSitterSignatures } from "./shell-differential.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const rounds = Number(process.argv[process.argv.indexOf("--rounds") + 1] || 7);

const { parseShell } = await import(pathToFileURL(join(ROOT, "dist/src/model/shell.js")).href);
const { parse } = await import(pathToFileURL(join(ROOT, "dist/src/index.js")).href);
const texts = corpusFiles().flatMap((file) => runTexts(readFileSync(file, "utf8"), parse));
const chars = texts.reduce((sum, t) => sum + t.length, 0);

const treeSitter = await loadTreeSitterBash();
const mvdan = createRequire(import.meta.url)("mvdan-sh").syntax.NewParser();

const contenders = {
  "dockerlint parseShell": (text) => parseShell({ text }),
  "tree-sitter-bash (parse only)": (text) => treeSitter.parse(text).delete(),
  "tree-sitter-bash + reading commands and argv": (text) => treeSitterSignatures(treeSitter, text),
  "mvdan-sh": (text) => {
    try {
      mvdan.Parse(text, "run");
    } catch {
      // a syntax error: still timed
    }
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (const parse of Object.values(contenders)) for (const text of texts) parse(text); // warm-up: one full pass each
// Rounds interleave the contenders, so that a change in machine load affects them alike.
for (let r = 0; r < rounds; r++) {
  for (const [name, parse] of Object.entries(contenders)) {
    globalThis.gc?.();
    const start = process.hrtime.bigint();
    for (const text of texts) parse(text);
    times[name].push(Number(process.hrtime.bigint() - start) / 1000 / texts.length);
  }
}
const results = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));

const ours = results["dockerlint parseShell"];
console.log(`${texts.length} RUN scripts, ${(chars / texts.length).toFixed(0)} characters on average, median of ${rounds} rounds\n`);
console.log("| parser | µs per RUN | relative to parseShell |");
console.log("|---|---:|---:|");
for (const [name, us] of Object.entries(results)) {
  console.log(`| ${name} | ${us.toFixed(1)} | ${(us / ours).toFixed(1)}× |`);
}
