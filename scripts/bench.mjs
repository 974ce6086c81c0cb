// npm run bench: dockerlint side by side with its peers on the real corpus, in one process.
// The tools of a section run interleaved (scripts/interleave.mjs): each round walks the corpus,
// held in memory, in chunks, and every chunk runs every tool in turn, so the machine's drift hits
// all of them alike. Throughput is the median round; a ratio is the median of the ratios within
// rounds. A full GC precedes each tool's warm-up pass; none is forced between rounds (it shrinks
// V8's young generation and slows every allocating tool down, which is not how a tool runs over a
// repository). Peak memory is measured in a child process per tool (its maxRSS minus a Node that
// only loaded the corpus).
// Usage: node --expose-gc scripts/bench.mjs [--rounds N] [--only parse,lint,lint-by-size,lint-cost,pipeline,cli,scaling]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { measureInterleaved, median, ratioOf } from "./interleave.mjs";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf("--rounds") + 1]) || 7;
const only = args.includes("--only") ? new Set(args[args.indexOf("--only") + 1].split(",")) : undefined;
const corpusDir = join(root, "..", "shared", "corpus", "real", "files");

/** The corpus files' names, sorted (the order of loadCorpus's texts). */
const corpusNames = () => readdirSync(corpusDir).sort();

function loadCorpus() {
  try {
    return corpusNames().map((f) => readFileSync(join(corpusDir, f), "utf8"));
  } catch {
    if (process.env.CI === "true") throw new Error(`CI=true but the corpus ${corpusDir} is missing`);
    console.log(`The corpus (${corpusDir}) is not here: nothing to measure.`);
    process.exit(0);
  }
}

const lib = await import(join(root, "dist", "src", "index.js"));
const emptyDir = mkdtempSync(join(tmpdir(), "dockerlint-bench-"));
/** This script, which starts copies of itself as child processes (`--memory-child` and the like). */
const SELF = new URL(import.meta.url).pathname;

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
  dockerfile_lint: {
    group: "lint",
    mayHang: true,
    load: () => {
      const Linter = require("dockerfile_lint");
      const linter = new Linter();
      return (text) => linter.validate(text);
    },
  },
  "dockerlint full pipeline": {
    group: "pipeline",
    load: () => (text) => {
      const model = lib.analyze(text);
      lib.lint(text, { model });
      lib.plan(model);
    },
  },
};

/**
 * A tool marked `mayHang` may never finish some files (dockerfile_lint has a regular expression
 * that backtracks exponentially), which would stop the benchmark. Those files are found once, by
 * running the tool over the corpus in a child process that reports each file before it starts it
 * and is stopped after HANG_LIMIT_MS in all (dockerfile_lint lints the whole corpus in about 2 s);
 * from then on the tool skips them, and they count as failures. The parent hands the list to the
 * children it starts in BENCH_NEVER_FINISHED.
 */
const HANG_LIMIT_MS = 20_000;
const neverFinished = JSON.parse(process.env.BENCH_NEVER_FINISHED ?? "{}");

function filesNeverFinished(name, corpusSize) {
  if (neverFinished[name] !== undefined) return neverFinished[name];
  const stuck = [];
  for (let from = 0; from < corpusSize; ) {
    const run = spawnSync(process.execPath, [SELF, "--progress-child", name, String(from)], { encoding: "utf8", timeout: HANG_LIMIT_MS });
    const last = run.stdout.trim().split("\n").at(-1);
    if (last === "done") break;
    const at = last === undefined || last === "" ? from : Number(last);
    stuck.push(at);
    from = at + 1;
  }
  neverFinished[name] = stuck;
  process.env.BENCH_NEVER_FINISHED = JSON.stringify(neverFinished);
  return stuck;
}

/** A tool's function of one file, skipping (by throwing) the corpus files it never finishes. */
function loadTool(name, corpus) {
  const fn = tools[name].load();
  if (fn === undefined || !tools[name].mayHang) return fn;
  const skipped = new Set(filesNeverFinished(name, corpus.length).map((i) => corpus[i]));
  return (text) => {
    if (skipped.has(text)) throw new Error("never finishes");
    return fn(text);
  };
}

/** Peak memory of one tool over the corpus, in a child process, above a Node that only read the corpus. */
function peakMemory(tool) {
  const run = (name) => {
    const out = spawnSync(process.execPath, [SELF, "--memory-child", name], { encoding: "utf8" });
    return Number(out.stdout.trim()) || NaN;
  };
  return (run(tool) - run("")) / 1024;
}

/** Hostile or large inputs for the scaling table: a typical file concatenated k times, and pathological shapes. */
function scalingInputs(files) {
  const typical = files.filter((f) => f.length > 3000 && f.length < 6000).sort((a, b) => a.length - b.length)[0] ?? files[0];
  return {
    "typical file ×1": typical,
    "typical file ×10": typical.repeat(10),
    "typical file ×100": typical.repeat(100),
    "10,000 stages": Array.from({ length: 10_000 }, (_, i) => `FROM alpine AS s${i}\nRUN echo ${i}\n`).join(""),
    "50,000 continuation lines": "FROM alpine\nRUN true \\\n" + "  && echo a \\\n".repeat(50_000) + "  && true\n",
    "a 1 MB line": "FROM alpine\nRUN echo " + "x".repeat(1_000_000) + "\n",
  };
}

if (args[0] === "--scaling-child") {
  // One tool on one input, in its own process so a tool that goes quadratic can be stopped.
  const corpus = loadCorpus();
  const inputs = scalingInputs(corpus);
  const fn = loadTool(args[1], corpus);
  const text = inputs[args[2]];
  for (const f of corpus.slice(0, 300)) {
    try {
      fn(f);
    } catch {
      // warm-up only
    }
  }
  try {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      fn(text);
      best = Math.min(best, performance.now() - start);
    }
    process.stdout.write(String(best));
  } catch (error) {
    process.stdout.write(`crash: ${error.message.split("\n")[0]}`);
  }
  process.exit(0);
}

if (args[0] === "--progress-child") {
  const corpus = loadCorpus();
  const fn = tools[args[1]].load();
  for (let i = Number(args[2]); i < corpus.length; i++) {
    writeSync(1, `${i}\n`);
    try {
      fn(corpus[i]);
    } catch {
      // crashes are counted in the main run
    }
  }
  writeSync(1, "done\n");
  process.exit(0);
}

if (args[0] === "--memory-child") {
  const files = loadCorpus();
  const name = args[1];
  if (name) {
    const fn = loadTool(name, files);
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
console.log(`Corpus: ${files.length} files, ${mb.toFixed(1)} MB · median of ${rounds} interleaved rounds\n`);

/** The tools of a group that load here, by name: the contenders of its section. */
function contendersOf(group) {
  const contenders = {};
  for (const [name, tool] of Object.entries(tools)) {
    const fn = tool.group === group ? loadTool(name, files) : undefined;
    if (fn !== undefined) contenders[name] = fn;
  }
  return contenders;
}

function section(group, title, reference) {
  if (only && !only.has(group)) return;
  const contenders = contendersOf(group);
  if (Object.keys(contenders).length === 0) return;
  const measured = measureInterleaved(contenders, files, { rounds, beforeWarmUp: () => globalThis.gc?.() });
  const ours = measured[reference] ?? Object.values(measured)[0];
  console.log(`## ${title}\n`);
  console.log("| tool | MB/s | files/s | ms total | dockerlint is × faster (rounds' range) | failed on | peak memory (MB) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const [name, r] of Object.entries(measured)) {
    const seconds = median(r.seconds);
    const ratio = ratioOf(r, ours);
    const relative = r === ours ? "—" : `${ratio.median.toFixed(2)}× (${ratio.low.toFixed(2)}–${ratio.high.toFixed(2)})`;
    console.log(
      `| ${name} | ${(mb / seconds).toFixed(1)} | ${Math.round(files.length / seconds)} | ${(seconds * 1000).toFixed(0)} | ${relative} | ${r.failures} | ${peakMemory(name).toFixed(1)} |`,
    );
  }
  if (Object.values(measured).some((r) => r.failures > 0)) {
    console.log(`\nFailed on: the files a tool threw on, or never finished (stopped after ${HANG_LIMIT_MS / 1000} s in a child process, then skipped).`);
    for (const name of Object.keys(measured).filter((n) => tools[n].mayHang)) console.log(`${name} never finished ${neverFinished[name].length} of them.`);
  }
  console.log("");
}

section("parse", "Parse", "dockerlint parse");
section("lint", "Lint", "dockerlint lint");
// The lint section again, one corpus slice per file size: what a tool costs per file apart from
// per byte shows in the small files (over a third of the corpus is under 1 KB).
if (!only || only.has("lint-by-size")) {
  const contenders = contendersOf("lint");
  const ours = "dockerlint lint";
  const peers = Object.keys(contenders).filter((name) => name !== ours);
  const sizes = files.map((f) => Buffer.byteLength(f));
  const slices = [["under 1 KB", 0, 1000], ["1–2 KB", 1000, 2000], ["2–5 KB", 2000, 5000], ["5 KB and over", 5000, Infinity]];
  console.log(`## Lint by file size (median of ${Math.min(rounds, 5)} interleaved rounds per slice)\n`);
  console.log(`| file size | files | MB | ${ours} MB/s | ${peers.map((p) => `× ${p}`).join(" | ")} |`);
  console.log(`|---|---:|---:|---:|${peers.map(() => "---:").join("|")}|`);
  for (const [label, low, high] of slices) {
    const inSlice = files.map((_, i) => i).filter((i) => sizes[i] >= low && sizes[i] < high);
    const slice = inSlice.map((i) => files[i]);
    const sliceMb = inSlice.reduce((n, i) => n + sizes[i], 0) / 1e6;
    const measured = measureInterleaved(contenders, slice, { rounds: Math.min(rounds, 5) });
    const ratios = peers.map((p) => `${ratioOf(measured[p], measured[ours]).median.toFixed(2)}×`);
    console.log(`| ${label} | ${slice.length} | ${sliceMb.toFixed(2)} | ${(sliceMb / median(measured[ours].seconds)).toFixed(1)} | ${ratios.join(" | ")} |`);
  }
  console.log("");
}

// Where dockerlint's lint time goes, beside dockerfilelint's whole time: how much of a lint the
// model costs before any rule runs, and so what is left for the rules at a given speed over it.
if (!only || only.has("lint-cost")) {
  const noRules = [];
  const model = (text) => {
    const m = lib.analyze(text);
    // Reading a lazily derived fact computes it.
    for (const run of m.runs) void [run.calls, run.packages, run.files, run.cachesLeftBehind];
    lib.fileFlow(m);
    return m;
  };
  const MODEL = "model: parse + analyze + each RUN's commands, packages, file operations, caches + file flow";
  const LINT = "lint: the model + 91 rules (and the facts only rules ask for)";
  const stages = {
    parse: (text) => lib.parse(text),
    [MODEL]: (text) => lib.lint(text, { model: model(text), rules: noRules }),
    [LINT]: (text) => lib.lint(text),
  };
  const measured = measureInterleaved({ ...stages, dockerfilelint: tools.dockerfilelint.load() }, files, { rounds });
  const lintSeconds = median(measured[LINT].seconds);
  const modelSeconds = median(measured[MODEL].seconds);
  const peerSeconds = median(measured.dockerfilelint.seconds);
  console.log(`## Where dockerlint's lint time goes (median of ${rounds} interleaved rounds)\n`);
  console.log("| stage | ms | share of lint | × dockerfilelint's speed |");
  console.log("|---|---:|---:|---:|");
  for (const name of Object.keys(stages)) {
    const seconds = median(measured[name].seconds);
    console.log(`| ${name} | ${(seconds * 1000).toFixed(0)} | ${((100 * seconds) / lintSeconds).toFixed(0)}% | ${(peerSeconds / seconds).toFixed(2)}× |`);
  }
  console.log(`\nAt 1.5× dockerfilelint's speed a lint would take ${((peerSeconds / 1.5) * 1000).toFixed(0)} ms, leaving ${(((peerSeconds / 1.5) - modelSeconds) * 1000).toFixed(0)} ms for the rules after the model (they take ${((lintSeconds - modelSeconds) * 1000).toFixed(0)} ms).\n`);
}

section("pipeline", "Full pipeline (parse + analyze + lint + plan)", "dockerlint full pipeline");

const RSS_HOOK = `data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss "+process.resourceUsage().maxRSS))`;

/**
 * The peak resident memory (MB) of a run of node with `argv` (worker threads included), reported
 * by a hook at exit: the second of two runs, so that the CLI's code cache for node's flags with the
 * hook is in place as it is for the timed runs.
 */
function peakMemoryOfRun(argv, options) {
  const once = () => spawnSync(process.execPath, ["--import", RSS_HOOK, ...argv], { ...options, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  once();
  return Number(/maxrss (\d+)/.exec(once().stderr)?.[1] ?? NaN) / 1024;
}

if (!only || only.has("cli")) {
  const cli = join(root, "dist", "cli", "dockerlint.js");
  /** The CLI's environment: a code cache of its own (src/cli/code-cache.ts), filled by the first run. */
  const cliEnv = { ...process.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "dockerlint-bench-cache-")) };
  const sample = join(emptyDir, "Dockerfile");
  writeFileSync(sample, "FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD [\"sh\"]\n");
  const time = (argv, env) => {
    const t = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      spawnSync(process.execPath, argv, { stdio: "ignore", env });
      t.push(performance.now() - start);
    }
    return median(t);
  };
  const commands = {
    "node -e 0": [["-e", "0"], cliEnv],
    "dockerlint ast Dockerfile": [[cli, "ast", sample], cliEnv],
    "dockerlint Dockerfile": [[cli, sample], cliEnv],
    "dockerlint Dockerfile, no code cache": [[cli, sample], { ...cliEnv, DOCKERLINT_NO_CODE_CACHE: "1" }],
  };
  console.log("## CLI cold start (one small Dockerfile, median of 15 runs)\n");
  console.log("| command | ms | × node -e 0 | peak memory (MB) |");
  console.log("|---|---:|---:|---:|");
  let node;
  for (const [command, [argv, env]] of Object.entries(commands)) {
    const ms = time(argv, env);
    node ??= ms;
    console.log(`| ${command} | ${ms.toFixed(0)} | ${(ms / node).toFixed(2)} | ${peakMemoryOfRun(argv, { env }).toFixed(0)} |`);
  }
  console.log("");

  // The repo scan: the bundled CLI on the corpus folder (JSON output, no config).
  const scanArgs = (concurrency) => [cli, "-f", "json", "--no-config-lookup", "--concurrency", concurrency, corpusDir];
  console.log(`## CLI repo scan (the corpus folder, ${files.length} files, JSON output, median of 3 runs)\n`);
  console.log("| command | ms | files/s | peak memory (MB, whole process) |");
  console.log("|---|---:|---:|---:|");
  for (const concurrency of ["1", "auto"]) {
    const t = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      spawnSync(process.execPath, scanArgs(concurrency), { stdio: "ignore", env: cliEnv });
      t.push(performance.now() - start);
    }
    const ms = median(t);
    console.log(`| dockerlint --concurrency ${concurrency} <corpus> | ${ms.toFixed(0)} | ${Math.round(files.length / (ms / 1000))} | ${peakMemoryOfRun(scanArgs(concurrency), { env: cliEnv }).toFixed(0)} |`);
  }
  console.log("");
  cliSideBySide(cli, cliEnv);
}

/**
 * The CLIs side by side on what a user runs: one cold process over a list of files, where V8
 * compiles the linter while it lints; one file (a pre-commit hook), a small repository, and every
 * file. dockerfilelint's CLI stops at the first file it crashes on, so the lists hold only files
 * it can lint. dockerfile-utils has no multi-file CLI. A dockerlint column runs with V8's default
 * inlining budget (a flag given to node wins over the one the CLI sets), to show that setting.
 */
function cliSideBySide(cli, cliEnv) {
  const dockerfilelint = tools.dockerfilelint.load();
  if (dockerfilelint === undefined) return;
  const lintable = corpusNames().filter((_, i) => {
    try {
      dockerfilelint(files[i]);
      return true;
    } catch {
      return false;
    }
  });
  const dockerlintArgs = [cli, "--concurrency", "1", "-f", "json", "--no-config-lookup"];
  const commands = {
    dockerlint: dockerlintArgs,
    "dockerlint, V8's default inlining": ["--max-inlined-bytecode-size-cumulative=920", ...dockerlintArgs],
    dockerfilelint: [require.resolve("dockerfilelint/bin/dockerfilelint"), "-o", "json"],
  };
  const names = Object.keys(commands);
  console.log(`## CLIs side by side (cold processes on files dockerfilelint can lint; \`dockerlint --concurrency 1 -f json\`, \`dockerfilelint -o json\`; median of interleaved runs)\n`);
  console.log(`| files | runs | ${names.map((name) => `${name} ms`).join(" | ")} | dockerlint is × faster than dockerfilelint (runs' range) | dockerlint peak MB | dockerfilelint peak MB |`);
  console.log(`|---:|---:|${names.map(() => "---:").join("|")}|---:|---:|---:|`);
  for (const count of [1, 50, lintable.length]) {
    const list = lintable.slice(0, count);
    const runs = count < 100 ? 9 : 3;
    const seconds = Object.fromEntries(names.map((name) => [name, []]));
    for (let run = 0; run < runs; run++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(run + k) % names.length];
        const start = performance.now();
        spawnSync(process.execPath, [...commands[name], ...list], { cwd: corpusDir, stdio: "ignore", env: cliEnv });
        seconds[name].push((performance.now() - start) / 1000);
      }
    }
    const ratio = ratioOf({ seconds: seconds.dockerfilelint }, { seconds: seconds.dockerlint });
    const cells = names.map((name) => (median(seconds[name]) * 1000).toFixed(0));
    const memory = ["dockerlint", "dockerfilelint"].map((name) => peakMemoryOfRun([...commands[name], ...list], { cwd: corpusDir, env: cliEnv }).toFixed(0));
    console.log(`| ${count} | ${runs} | ${cells.join(" | ")} | ${ratio.median.toFixed(2)}× (${ratio.low.toFixed(2)}–${ratio.high.toFixed(2)}) | ${memory.join(" | ")} |`);
  }
  console.log("");
}

if (!only || only.has("scaling")) {
  const inputs = scalingInputs(files);
  const scaled = ["dockerlint parse", "dockerfile-ast", "docker-file-parser", "dockerlint lint", "dockerfile-utils validate", "dockerfilelint", "dockerfile_lint"].filter((t) => loadTool(t, files) !== undefined);
  console.log("## Scaling (ms per MB of input, best of 3 after a warm-up; flat = linear; each tool in its own process, stopped after 60 s)\n");
  console.log(`| input | MB | ${scaled.join(" | ")} |`);
  console.log(`|---|---:|${scaled.map(() => "---:").join("|")}|`);
  for (const [name, text] of Object.entries(inputs)) {
    const size = Buffer.byteLength(text) / 1e6;
    const cells = scaled.map((tool) => {
      const out = spawnSync(process.execPath, [SELF, "--scaling-child", tool, name], { encoding: "utf8", timeout: 60_000 });
      if (out.error || out.signal) return "> 60 s";
      if (out.stdout.startsWith("crash")) return "crash";
      return (Number(out.stdout) / size).toFixed(0);
    });
    console.log(`| ${name} | ${size.toFixed(2)} | ${cells.join(" | ")} |`);
  }
  console.log("");
}
