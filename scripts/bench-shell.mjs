#!/usr/bin/env node
/**
 * Benchmark of the shell parser: dockerlint's parseShell (lex + parse + words + substitutions,
 * from dist/; as the model calls it, fast path first, and with the chevrotain grammar alone for
 * reference) against tree-sitter-bash (web-tree-sitter: the parse tree alone, and the tree plus
 * reading each command's name and argv out of it, which is what parseShell returns) and mvdan-sh
 * (GopherJS build of mvdan/sh, parse tree only), per RUN of the real corpus (files tagged windows
 * skipped; RUN texts read by the project's Dockerfile parser).
 *
 * The contenders run interleaved in one process (scripts/interleave.mjs): each round walks the
 * RUNs in chunks and every chunk runs every contender in turn, so the machine's drift hits all of
 * them alike; timed in process CPU time after one warm-up pass each. A contender's time is its
 * median round, a ratio the median of the ratios within rounds. No forced GC between rounds:
 * shrinking the young generation to its minimum each round slows every allocating parser down by
 * a third or more.
 *
 * Usage: npx tsc -p tsconfig.build.json && node scripts/bench-shell.mjs [--rounds 7] [--only name,name]
 */
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

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

async function main() {
  const { parse } = await import(pathToFileURL(join(ROOT, "dist/src/index.js")).href);
  const texts = corpusFiles().flatMap((file) => runTexts(readFileSync(file, "utf8"), parse));
  const only = option("--only", undefined)?.split(",");
  const names = Object.keys(contenders).filter((name) => only === undefined || only.includes(name));
  const fns = {};
  for (const name of names) fns[name] = await contenders[name]();
  const measured = measureInterleaved(fns, texts, { rounds, clock: cpuSeconds });
  const reference = measured[names[0]];
  const chars = texts.reduce((sum, t) => sum + t.length, 0) / texts.length;
  console.log(`${texts.length} RUN scripts, ${chars.toFixed(0)} characters on average, median of ${rounds} interleaved rounds\n`);
  console.log(`| parser | CPU µs per RUN | relative to ${names[0]} (rounds' range) |`);
  console.log("|---|---:|---:|");
  for (const name of names) {
    const us = (median(measured[name].seconds) / texts.length) * 1e6;
    const ratio = ratioOf(measured[name], reference);
    const relative = name === names[0] ? "1.0×" : `${ratio.median.toFixed(1)}× (${ratio.low.toFixed(1)}–${ratio.high.toFixed(1)})`;
    console.log(`| ${name} | ${us.toFixed(1)} | ${relative} |`);
  }
}

await main();
