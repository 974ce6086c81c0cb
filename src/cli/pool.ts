/**
 * Linting many files on worker threads and the main thread. The worker is this same module (in
 * the bundled CLI: the same single file) started with a marker in `workerData`, where it serves
 * lint tasks; results come back by task id, so the output order never depends on the parallelism.
 */
import { availableParallelism } from "node:os";
import { parentPort, Worker } from "node:worker_threads";
import { runLintTask, type LintTask, type LintTaskOutcome } from "./lint-task.js";
import { IS_LINT_WORKER, LINT_WORKER_MARKER } from "./worker-marker.js";

const BATCH = 16;

if (IS_LINT_WORKER) {
  parentPort?.on("message", (tasks: LintTask[]) => parentPort?.postMessage(tasks.map((task) => runLintTask(task))));
}

/**
 * Below this many files one thread is as fast: a worker costs about 0.4 s of CPU to load and warm
 * up the bundle (measured: 250 corpus files take 1.5 s of CPU in one thread, 2.0 s with a worker).
 */
const PARALLEL_THRESHOLD = 200;

/** Whether this module can be started as a worker (not when it is TypeScript source under a test runner). */
const RUNNABLE = !import.meta.url.endsWith(".ts");

/**
 * Fewest CPUs for `auto` to start workers: V8 runs parts of garbage collection and compilation on
 * helper threads, so on two CPUs a second isolate costs more than it brings (the corpus scan took
 * 4.6 s with a worker against 3.6 s without).
 */
const PARALLEL_CPUS = 4;

/**
 * How many worker threads to start for `files` files, besides the main thread, which lints too:
 * none when `requested` is 1, when there are few files or fewer than four CPUs (for `auto`), or
 * when this module is not `runnable` as a worker.
 *
 * @example
 * ```ts
 * workerCount(5000, undefined, 8); // 7 (and the main thread)
 * workerCount(5000, undefined, 2); // 0
 * workerCount(50, undefined, 8);   // 0
 * ```
 */
export function workerCount(files: number, requested: number | undefined, cpus: number = availableParallelism(), runnable = RUNNABLE): number {
  if (!runnable) return 0;
  const threads = requested ?? (files > PARALLEL_THRESHOLD && cpus >= PARALLEL_CPUS ? Math.min(cpus, 8) : 1);
  return Math.max(0, Math.min(threads, Math.ceil(files / BATCH)) - 1);
}

/**
 * Feeds batches from `take` to one worker until none are left, keeping one batch queued ahead so
 * that the worker never waits for the main thread, which is busy linting too; resolves when the
 * worker has stopped.
 */
function runWorker(take: () => LintTask[], outcomes: Map<number, LintTaskOutcome>, onDone: () => void, onError: (error: Error) => void): Promise<void> {
  return new Promise((resolveWorker) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { [LINT_WORKER_MARKER]: true } });
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      void worker.terminate();
      resolveWorker();
    };
    let queued = 0;
    const feed = (): void => {
      const batch = take();
      if (batch.length > 0) {
        worker.postMessage(batch);
        queued++;
      } else if (queued === 0) stop();
    };
    worker.on("message", (results: LintTaskOutcome[]) => {
      queued--;
      for (const outcome of results) {
        outcomes.set(outcome.id, outcome);
        onDone();
      }
      feed();
    });
    worker.once("error", (error) => {
      onError(error);
      stop();
    });
    feed();
    feed();
  });
}

/**
 * Runs `tasks` on `workers` worker threads and on this thread (with `runHere`), in batches;
 * `onDone` is called once per finished task. A worker that fails is reported to `onError`; its
 * tasks come back missing, for the caller to run itself.
 *
 * @example
 * ```ts
 * const outcomes = await runInWorkers(tasks, 1, { onDone: () => progress.advance(), onError: console.error, runHere: (task) => runLintTask(task) });
 * ```
 */
export async function runInWorkers(
  tasks: readonly LintTask[],
  workers: number,
  callbacks: { onDone(): void; onError(error: Error): void; runHere(task: LintTask): LintTaskOutcome },
): Promise<Map<number, LintTaskOutcome>> {
  const { onDone, onError, runHere } = callbacks;
  const outcomes = new Map<number, LintTaskOutcome>();
  let next = 0;
  const take = (): LintTask[] => tasks.slice(next, (next += BATCH));
  const running = Array.from({ length: workers }, () => runWorker(take, outcomes, onDone, onError));
  for (let batch = take(); batch.length > 0; batch = take()) {
    for (const task of batch) {
      outcomes.set(task.id, runHere(task));
      onDone();
    }
    await new Promise((resolveTurn) => setImmediate(resolveTurn));
  }
  await Promise.all(running);
  return outcomes;
}
