// CLI timings, hyperfine-style: cold start of the bundled CLI on one file against `node -e 0`, and
// whole-corpus scans with and without worker threads. Usage:
//   node scripts/bench-cli.mjs [--runs 20] [--corpus ../shared/corpus/real/files]
// Build first (`npm run build`). Prints medians; not a test (timings depend on the machine).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" }, corpus: { type: "string", default: "../shared/corpus/real/files" } } });
const runs = Number(values.runs);
const bundle = new URL("../dist/cli/dockerlint.js", import.meta.url).pathname;
const fixture = new URL("../fixtures/clean.Dockerfile", import.meta.url).pathname;

function time(args, repetitions) {
  const samples = [];
  spawnSync(process.execPath, args, { stdio: "ignore" }); // warm the file-system cache
  for (let i = 0; i < repetitions; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: "ignore" });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
}

const show = (label, t) => console.log(`${label.padEnd(44)} median ${t.median.toFixed(1).padStart(8)} ms   min ${t.min.toFixed(1).padStart(8)} ms`);
show("node -e 0", time(["-e", "0"], runs));
show("dockerlint --version", time([bundle, "--version"], runs));
show("dockerlint <one file>", time([bundle, "--no-config-lookup", fixture], runs));

const files = readdirSync(values.corpus).length;
for (const concurrency of ["1", "auto"]) {
  const t = time([bundle, "-f", "json", "--no-config-lookup", "--concurrency", concurrency, values.corpus], 3);
  show(`corpus (${files} files), --concurrency ${concurrency}`, t);
  console.log(`${"".padEnd(44)} ${(files / (t.median / 1000)).toFixed(0)} files/s`);
}
