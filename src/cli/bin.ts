/**
 * The CLI program (bundled as dist/cli/program.cjs, which the `dockerlint` executable runs), and,
 * with a marker in `workerData`, the entry point of its lint worker threads.
 */
import { IS_LINT_WORKER } from "./worker-marker.js";

if (IS_LINT_WORKER) {
  void import("./pool.js");
} else {
  void import("./main.js").then(async ({ main }) => {
    process.exitCode = await main(process.argv.slice(2), {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
      env: process.env,
      stdoutIsTTY: process.stdout.isTTY === true,
      stderrIsTTY: process.stderr.isTTY === true,
    });
  });
}
