/** Entry point of the `dockerlint` executable (and, with a marker in `workerData`, of its lint worker threads). */
import { setFlagsFromString } from "node:v8";
import { IS_LINT_WORKER } from "./worker-marker.js";

/**
 * A run of the CLI is one cold pass over its files, and on a cold pass V8's optimizing compiler is
 * much of the cost: it compiles the linter's ~800 hot functions (about 4 s of compile work on the
 * corpus scan) while the interpreter goes on linting. A smaller inlining budget than V8's default
 * (920 bytes of bytecode) makes each compile cheaper: the corpus scan took about a sixth less time,
 * and warm passes were no slower (scripts/bench.mjs, section cli, has a row with the default). V8
 * flags hold for the whole process, worker threads included; the flag given to node itself wins.
 */
const INLINING_BUDGET_FLAG = "--max-inlined-bytecode-size-cumulative";
if (!process.execArgv.some((arg) => arg.startsWith(INLINING_BUDGET_FLAG))) setFlagsFromString(`${INLINING_BUDGET_FLAG}=200`);

if (IS_LINT_WORKER) {
  await import("./pool.js");
} else {
  const { main } = await import("./main.js");
  process.exitCode = await main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  });
}
