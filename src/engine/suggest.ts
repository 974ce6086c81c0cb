/** "Did you mean …?" for mistyped rule ids, flags and config keys. */
import { editDistance } from "../util/edit-distance.js";

export { editDistance };

/**
 * The candidate closest to `input`, when it is close enough to be a typo.
 *
 * @example
 * ```ts
 * nearest("no-pakage-cache", ["no-package-cache", "prefer-copy"]); // "no-package-cache"
 * ```
 */
export function nearest(input: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = input.toLowerCase();
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const found = nearest(input, candidates);
  return found === undefined ? "" : ` (did you mean "${found}"?)`;
}
