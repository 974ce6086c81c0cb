#!/usr/bin/env node
/**
 * Benchmark of the shell parser: dockerlint's parseShell (lex + parse + words + substitutions,
 * from dist/; as the model calls it, fast path first, and with the chevrotain grammar alone for
 * reference) against tree-sitter-bash (web-tree-sitter: the parse tree alone, and the tree plus
 * reading each command's name and argv out of it, which is what parseShell returns) and mvdan-sh
 * (GopherJS build of mvdan/sh, parse tree only), per RUN of the real corpus (files tagged windows
 * skipped; RUN texts read by the project's Dockerfile parser).
 *
 * Each contender runs in a child process of its own together with parseShell, the two interleaved
 * (scripts/interleave.mjs): each round walks the RUNs in chunks and every chunk runs both in turn,
 * so the machine's drift hits both alike. One process per pair, because contenders sharing a
 * process bill each other: mvdan-sh's garbage is collected in others' time, and the grammar-only
 * contender runs parseShell's own functions with other types, which undoes their optimisation
 * (parseShell measured 10 µs per RUN next to tree-sitter alone, 18 µs with all five together).
 * Timed in process CPU time after one warm-up pass each; a time is the median round, a ratio the
 * median of the ratios within rounds. parseShell's own time is the one of its first pairing. No
 * forced GC between rounds: shrinking the young generation to its minimum each round slows every
 * allocating parser down by a third or more.
 *
 * Usage: npx tsc -p tsconfig.build.json && node scripts/bench-shell.mjs [--rounds 7] [--only name,name]
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { measureInterleaved, median, ratioOf } from "./interleave.mjs";
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
  "tree-sitter-bash + reading commands and argv": async () => {
    const parser = await loadTreeSitterBash();
    return (text) => treeSitterSignatures(parser, text);
  },
  "tree-sitter-bash (parse only)": async () => {
    const parser = await loadTreeSitterBash();
    return (text) => parser.parse(text).delete();
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
  "dockerlint parseShell, grammar engine only": async () => {
    const { parseShell } = await import(pathToFileURL(join(ROOT, "dist/src/model/shell.js")).href);
    return (text) => parseShell({ text }, { engine: "grammar" });
  },
};

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const OURS = "dockerlint parseShell";

/** Child: times parseShell and `name` interleaved; prints their µs per RUN and the ratio. */
async function measurePair(name) {
  const { parse } = await import(pathToFileURL(join(ROOT, "dist/src/index.js")).href);
  const texts = corpusFiles().flatMap((file) => runTexts(readFileSync(file, "utf8"), parse));
  const measured = measureInterleaved({ [OURS]: await contenders[OURS](), [name]: await contenders[name]() }, texts, { rounds, clock: cpuSeconds });
  const us = (seconds) => (median(seconds) / texts.length) * 1e6;
  const chars = texts.reduce((sum, t) => sum + t.length, 0) / texts.length;
  console.log(JSON.stringify({ ours: us(measured[OURS].seconds), theirs: us(measured[name].seconds), ratio: ratioOf(measured[name], measured[OURS]), scripts: texts.length, chars }));
}

/** Parent: one child per pairing, then the table. */
function main() {
  const only = option("--only", undefined)?.split(",");
  const others = Object.keys(contenders).filter((name) => name !== OURS && (only === undefined || only.includes(name)));
  const pairs = others.map((name) => {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--pair", name, "--rounds", String(rounds)], { encoding: "utf8" });
    return { name, ...JSON.parse(out.trim().split("\n").pop()) };
  });
  const first = pairs[0];
  console.log(`${first.scripts} RUN scripts, ${first.chars.toFixed(0)} characters on average, median of ${rounds} interleaved rounds\n`);
  console.log(`| parser | CPU µs per RUN | relative to ${OURS}, measured side by side (rounds' range) |`);
  console.log("|---|---:|---:|");
  console.log(`| ${OURS} | ${first.ours.toFixed(1)} | 1.0× |`);
  for (const { name, theirs, ratio } of pairs) {
    console.log(`| ${name} | ${theirs.toFixed(1)} | ${ratio.median.toFixed(1)}× (${ratio.low.toFixed(1)}–${ratio.high.toFixed(1)}) |`);
  }
}

const pair = option("--pair", undefined);
if (pair !== undefined) await measurePair(pair);
else main();
