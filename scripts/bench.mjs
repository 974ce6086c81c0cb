// npm run bench: dockerlint side by side with its peers on the real corpus, in one process.
// Throughput is the median of several rounds over the whole corpus held in memory; peak memory
// is measured in a child process per tool (its maxRSS minus a Node that only loaded the corpus).
// Usage: node --expose-gc scripts/bench.mjs [--rounds N] [--only parse,lint,pipeline,cli,scaling]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf("--rounds") + 1]) || 7;
const only = args.includes("--only") ? new Set(args[args.indexOf("--only") + 1].split(",")) : undefined;
const corpusDir = join(root, "..", "shared", "corpus", "real", "files");

function loadCorpus() {
  try {
    return readdirSync(corpusDir).sort().map((f) => readFileSync(join(corpusDir, f), "utf8"));
  } catch {
    if (process.env.CI === "true") throw new Error(`CI=true but the corpus ${corpusDir} is missing`);
    console.log(`The corpus (${corpusDir}) is not here: nothing to measure.`);
    process.exit(0);
  }
}

const lib = await import(join(root, "dist", "src", "index.js"));
const emptyDir = mkdtempSync(join(tmpdir(), "dockerlint-bench-"));

/** Every tool measured: what it does, and a function that runs it on one file. */
export const tools = {
  "dockerlint parse": { group: "parse", load: () => (text) => lib.parse(text) },
  "dockerfile-ast": {
    group: "parse",
    load: () => {
      const { DockerfileParser } = require("dockerfile-ast");
      return (text) => DockerfileParser.parse(text);
    },
  },
  "docker-file-parser": {
    group: "parse",
    load: () => {
      const dfp = require("docker-file-parser");
      return (text) => dfp.parse(text, { includeComments: true });
    },
  },
  "dockerlint lint": { group: "lint", load: () => (lib.lint ? (text) => lib.lint(text) : undefined) },
  "dockerfile-utils validate": {
    group: "lint",
    load: () => {
      const { validate } = require("dockerfile-utils");
      return (text) => validate(text);
    },
  },
  dockerfilelint: {
    group: "lint",
    load: () => {
      const { run } = require("dockerfilelint");
      return (text) => run(emptyDir, text);
    },
  },
  "dockerlint full pipeline": {
    group: "pipeline",
    load: () => (lib.lint && lib.plan ? (text) => (lib.lint(text), lib.plan(text)) : undefined),
  },
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `fn` over every file `rounds` times; returns the median seconds and the files it threw on. */
function measure(fn, files) {
  const failures = new Set();
  const times = [];
  for (let r = 0; r < rounds; r++) {
    globalThis.gc?.();
    const start = performance.now();
    for (let i = 0; i < files.length; i++) {
      try {
        fn(files[i]);
      } catch {
        failures.add(i);
      }
    }
    times.push((performance.now() - start) / 1000);
  }
  return { seconds: median(times), failures: failures.size };
}

/** Peak memory of one tool over the corpus, in a child process, above a Node that only read the corpus. */
function peakMemory(tool) {
  const run = (name) => {
    const out = spawnSync(process.execPath, [new URL(import.meta.url).pathname, "--memory-child", name], { encoding: "utf8" });
    return Number(out.stdout.trim()) || NaN;
  };
  return (run(tool) - run("")) / 1024;
}

if (args[0] === "--memory-child") {
  const files = loadCorpus();
  const name = args[1];
  if (name) {
    const fn = tools[name].load();
    for (const f of files) {
      try {
        fn(f);
      } catch {
        // crashes are counted in the main run
      }
    }
  }
  process.stdout.write(String(process.resourceUsage().maxRSS));
  process.exit(0);
}

const files = loadCorpus();
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f), 0);
const mb = bytes / 1e6;
console.log(`# dockerlint benchmark\n`);
console.log(`${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus()[0]?.model ?? "cpu"} × ${cpus().length}`);
console.log(`Corpus: ${files.length} files, ${mb.toFixed(1)} MB · median of ${rounds} rounds\n`);

function section(group, title, reference) {
  if (only && !only.has(group)) return;
  const rows = [];
  for (const [name, tool] of Object.entries(tools)) {
    if (tool.group !== group) continue;
    const fn = tool.load();
    if (fn === undefined) continue;
    const { seconds, failures } = measure(fn, files);
    rows.push({ name, seconds, failures, memory: peakMemory(name) });
  }
  if (rows.length === 0) return;
  const ours = rows.find((r) => r.name === reference) ?? rows[0];
  console.log(`## ${title}\n`);
  console.log("| tool | MB/s | files/s | ms total | dockerlint is × faster | crashed on | peak memory (MB) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const ratio = r === ours ? "—" : `${(r.seconds / ours.seconds).toFixed(1)}×`;
    console.log(
      `| ${r.name} | ${(mb / r.seconds).toFixed(1)} | ${Math.round(files.length / r.seconds)} | ${(r.seconds * 1000).toFixed(0)} | ${ratio} | ${r.failures} | ${r.memory.toFixed(1)} |`,
    );
  }
  console.log("");
}

section("parse", "Parse", "dockerlint parse");
section("lint", "Lint", "dockerlint lint");
section("pipeline", "Full pipeline (parse + analyze + lint + plan)", "dockerlint full pipeline");

if (!only || only.has("cli")) {
  const cli = join(root, "dist", "cli", "dockerlint.js");
  const sample = join(emptyDir, "Dockerfile");
  writeFileSync(sample, "FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD [\"sh\"]\n");
  const time = (argv) => {
    const t = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      execFileSync(process.execPath, argv, { stdio: "ignore" });
      t.push(performance.now() - start);
    }
    return median(t);
  };
  const node = time(["-e", "0"]);
  const ast = time([cli, "ast", sample]);
  console.log("## CLI cold start (one small Dockerfile, median of 15 runs)\n");
  console.log("| command | ms | × node -e 0 |");
  console.log("|---|---:|---:|");
  console.log(`| node -e 0 | ${node.toFixed(0)} | 1.0 |`);
  console.log(`| dockerlint ast Dockerfile | ${ast.toFixed(0)} | ${(ast / node).toFixed(2)} |`);
  console.log("");
}
