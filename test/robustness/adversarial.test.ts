/**
 * Hostile inputs: nothing crashes, and the cost stays linear — each input family is run at size n
 * and 10n through the whole pipeline (parse, analyze, lint), and 10× the input must cost well
 * under the ~100× a quadratic algorithm would.
 */
import { describe, expect, it } from "vitest";
import { lint } from "../../src/engine/lint.js";
import { parse } from "../../src/parse.js";
import { print } from "../../src/ast/print.js";
import { adversaries, oddities } from "./adversarial-inputs.js";

function pipeline(text: string): void {
  lint(text);
}

/**
 * The least CPU time (ms) of five runs: CPU time leaves out other processes on a busy machine,
 * and the least of five leaves out this one's own hiccups. The garbage of earlier inputs is
 * collected first (vitest runs with `--expose-gc`), or a large input pays for sweeping it.
 */
function timeOf(text: string): number {
  (globalThis as { gc?: () => void }).gc?.();
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    pipeline(text);
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least;
}

describe("odd inputs", () => {
  it.each(oddities)("%s: parses losslessly and lints without an exception", (_name, text) => {
    expect(print(parse(text).ast)).toBe(text);
    expect(() => pipeline(text)).not.toThrow();
  });
});

describe("hostile inputs cost linear time", () => {
  it.each(adversaries.map((a) => [a.name, a] as const))("%s", (_name, adversary) => {
    const small = adversary.make(adversary.n);
    const large = adversary.make(adversary.n * 10);
    pipeline(small);
    pipeline(large);
    const ratio = timeOf(large) / Math.max(timeOf(small), 0.5);
    // Quadratic work makes 10× the input cost about 100×. Linear work measures 3–25× here: a large
    // input outgrows the CPU caches and a young generation sized for the small one, and under a
    // busy machine's cache contention it has reached the high 30s.
    expect(ratio).toBeLessThan(50);
  });
});
