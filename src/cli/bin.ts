/** Entry point of the `dockerlint` executable (and, with a marker in `workerData`, of its lint worker threads). */
import { main } from "./main.js";
import { IS_LINT_WORKER } from "./pool.js";

if (!IS_LINT_WORKER) {
  void main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}
