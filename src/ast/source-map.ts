/** Mapping offsets of a joined value (continuation lines, heredoc bodies) back to the source. */
import type { SourceMap } from "./nodes.js";

/**
 * The source offset of `offset` in a value whose {@link SourceMap} is `map`: the piece that
 * contains it is found by binary search, so lookups stay cheap for values joined from many lines.
 *
 * @example
 * ```ts
 * // "ab" joined from "a\\\n" at 5 and "b" at 8:
 * mapOffset([0, 5, 1, 8], 1); // 8
 * ```
 */
export function mapOffset(map: SourceMap, offset: number): number {
  const i = pieceIndex(map, offset) * 2;
  return map[i + 1] + offset - map[i];
}

/**
 * The index of the piece of `map` that holds `offset` (the last piece starting at or before it).
 *
 * @example
 * ```ts
 * pieceIndex([0, 5, 1, 8], 1); // 1
 * ```
 */
export function pieceIndex(map: SourceMap, offset: number): number {
  let lo = 0;
  let hi = (map.length >> 1) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map[mid * 2] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
