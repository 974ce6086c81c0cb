/** Entry point of the `dockerlint` executable (and, with a marker in `workerData`, of its lint worker threads). */
import { IS_LINT_WORKER } from "./worker-marker.js";

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
