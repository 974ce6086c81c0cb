/** A progress line on stderr for long runs: shown only on a terminal, and only once a run has taken more than a second. */

/**
 * Where progress goes.
 *
 * @example
 * ```ts
 * const sink: ProgressSink = { isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text) };
 * ```
 */
export interface ProgressSink {
  readonly isTTY: boolean;
  write(text: string): void;
}

/**
 * A progress indicator.
 *
 * @example
 * ```ts
 * const progress = createProgress({ isTTY: true, write: (t) => process.stderr.write(t) }, files.length);
 * for (const f of files) { lintOne(f); progress.advance(); }
 * progress.finish();
 * ```
 */
export interface Progress {
  /** One more file is done. */
  advance(): void;
  /** Clears the line, if one was drawn. */
  finish(): void;
}

const DELAY_MS = 1000;
const INTERVAL_MS = 100;

/**
 * Creates a progress indicator for `total` files; `now` is the clock (milliseconds).
 *
 * @example
 * ```ts
 * let t = 0;
 * const progress = createProgress(sink, 10, () => t);
 * t = 1500; progress.advance(); // draws "dockerlint: 1/10 files"
 * ```
 */
export function createProgress(sink: ProgressSink, total: number, now: () => number = Date.now): Progress {
  const started = now();
  let done = 0;
  let drawnAt: number | undefined;
  return {
    advance() {
      done++;
      if (!sink.isTTY) return;
      const t = now();
      if (t - started < DELAY_MS || (drawnAt !== undefined && t - drawnAt < INTERVAL_MS && done < total)) return;
      drawnAt = t;
      sink.write(`\rdockerlint: ${done}/${total} files`);
    },
    finish() {
      if (drawnAt !== undefined) sink.write("\r\u001b[K");
    },
  };
}
