/**
 * Linting many files on worker threads. The worker is this same module (in the bundled CLI: the
 * same single file) started with a marker in `workerData`; results come back by task id, so the
 * output order never depends on the parallelism.
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { runLintTask, type LintTask, type LintTaskOutcome } from "./lint-task.js";

const MARKER = "dockerlintLintWorker";
const BATCH = 16;

/**
 * True in a lint worker thread: the CLI's entry point must then not run the command line.
 *
 * @example
 * ```ts
 * if (!IS_LINT_WORKER) void main(process.argv.slice(2), io);
 * ```
 */
export const IS_LINT_WORKER = !isMainThread && (workerData as Record<string, unknown> | null)?.[MARKER] === true;

if (IS_LINT_WORKER) {
  parentPort?.on("message", (tasks: LintTask[]) => parentPort?.postMessage(tasks.map((task) => runLintTask(task))));
}

/** Below this many files one thread is faster than starting workers (measured on the real-world corpus). */
export const PARALLEL_THRESHOLD = 200;

/** Whether this module can be started as a worker (not when it is TypeScript source under a test runner). */
const RUNNABLE = !import.meta.url.endsWith(".ts");

/**
 * How many worker threads to use for `files` files: none when `requested` is 1, when there are
 * few files or one CPU, or when this module is not `runnable` as a worker.
 *
 * @example
 * ```ts
 * workerCount(5000, undefined, 2); // 2
 * workerCount(50, undefined, 2);   // 0
 * ```
 */
export function workerCount(files: number, requested: number | undefined, cpus: number = availableParallelism(), runnable = RUNNABLE): number {
  if (!runnable) return 0;
  const wanted = requested ?? (files > PARALLEL_THRESHOLD ? Math.min(cpus, 8) : 1);
  return wanted <= 1 ? 0 : Math.min(wanted, Math.ceil(files / BATCH));
}

/**
 * Runs `tasks` on `count` workers; `onDone` is called once per finished task. Tasks whose worker
 * failed come back missing, for the caller to run in its own thread.
 *
 * @example
 * ```ts
 * const outcomes = await runInWorkers(tasks, 2, () => progress.advance());
 * ```
 */
export function runInWorkers(tasks: readonly LintTask[], count: number, onDone: () => void): Promise<Map<number, LintTaskOutcome>> {
  const outcomes = new Map<number, LintTaskOutcome>();
  let next = 0;
  return new Promise((resolvePool) => {
    let running = count;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL(import.meta.url), { workerData: { [MARKER]: true } });
      let stopped = false;
      const stop = (): void => {
        if (stopped) return;
        stopped = true;
        void worker.terminate();
        if (--running === 0) resolvePool(outcomes);
      };
      const feed = (): void => {
        if (next >= tasks.length) return stop();
        worker.postMessage(tasks.slice(next, next + BATCH));
        next += BATCH;
      };
      worker.on("message", (results: LintTaskOutcome[]) => {
        for (const outcome of results) {
          outcomes.set(outcome.id, outcome);
          onDone();
        }
        feed();
      });
      worker.once("error", stop);
      feed();
    }
  });
}
