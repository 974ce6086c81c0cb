#!/usr/bin/env node
/**
 * Benchmark of the shell parser: dockerlint's parseShell (lex + parse + words + substitutions,
 * from dist/; as the model calls it, fast path first, and with the chevrotain grammar alone for
 * reference) against tree-sitter-bash (web-tree-sitter: the parse tree alone, and the tree plus
 * reading each command's name and argv out of it, which is what parseShell returns) and mvdan-sh
 * (GopherJS build of mvdan/sh, parse tree only), per RUN of the real corpus (files tagged windows
 * skipped; RUN texts read by the project's Dockerfile parser).
 *
 * Each contender runs in a child process of its own (one's garbage and JIT state must not bill
 * another), timed in process CPU time (other work on the machine does not count), median of
 * several full passes after one warm-up pass. No forced GC between rounds: shrinking the young
 * generation to its minimum each round slows every allocating parser down by a third or more.
 *
 * Usage: npx tsc -p tsconfig.build.json && node scripts/bench-shell.mjs [--rounds 7]
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { corpusFiles, loadTreeSitterBash, runTexts, treeSitterSignatures } from "./shell-differential.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const rounds = Number(option("--rounds", "7"));

/** Builds the parse function of one contender. */
const contenders = {
  "dockerlint parseShell": async () => {
    const { parseShell } = await import(pathToFileURL(join(ROOT, "dist/src/model/shell.js")).href);
    return (text) => parseShell({ text });
  },
  "dockerlint parseShell, grammar engine only": async () => {
    const { parseShell } = await import(pathToFileURL(join(ROOT, "dist/src/model/shell.js")).href);
    return (text) => parseShell({ text }, { engine: "grammar" });
  },
  "tree-sitter-bash (parse only)": async () => {
    const parser = await loadTreeSitterBash();
    return (text) => parser.parse(text).delete();
  },
  "tree-sitter-bash + reading commands and argv": async () => {
    const parser = await loadTreeSitterBash();
    return (text) => treeSitterSignatures(parser, text);
  },
  "mvdan-sh": async () => {
    const parser = createRequire(import.meta.url)("mvdan-sh").syntax.NewParser();
    return (text) => {
      try {
        parser.Parse(text, "run");
      } catch {
        // a syntax error: still timed
      }
    };
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Child: times one contender and prints its median CPU µs per RUN. */
async function measure(name) {
  const { parse } = await import(pathToFileURL(join(ROOT, "dist/src/index.js")).href);
  const texts = corpusFiles().flatMap((file) => runTexts(readFileSync(file, "utf8"), parse));
  const run = await contenders[name]();
  for (const text of texts) run(text);
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    for (const text of texts) run(text);
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / texts.length);
  }
  const chars = texts.reduce((sum, t) => sum + t.length, 0);
  console.log(JSON.stringify({ us: median(times), scripts: texts.length, chars: chars / texts.length }));
}

/** Parent: runs every contender in its own process and prints the table. */
function main() {
  const results = Object.keys(contenders).map((name) => {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--only", name, "--rounds", String(rounds)], { encoding: "utf8" });
    return { name, ...JSON.parse(out.trim().split("\n").pop()) };
  });
  const ours = results[0].us;
  console.log(`${results[0].scripts} RUN scripts, ${results[0].chars.toFixed(0)} characters on average, median of ${rounds} rounds\n`);
  console.log("| parser | CPU µs per RUN | relative to parseShell |");
  console.log("|---|---:|---:|");
  for (const r of results) console.log(`| ${r.name} | ${r.us.toFixed(1)} | ${(r.us / ours).toFixed(1)}× |`);
}

const only = option("--only", undefined);
if (only !== undefined) await measure(only);
else main();
