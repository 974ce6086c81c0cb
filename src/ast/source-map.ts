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

/**
 * A function answering {@link mapOffset} for `map`, that remembers the piece it last hit: offsets
 * asked in order (as a parser walks the value) are found in that piece or the next without a search.
 * Any other offset falls back to the binary search, so every answer equals `mapOffset(map, offset)`.
 *
 * @example
 * ```ts
 * const toSource = offsetMapper([0, 5, 1, 8]);
 * toSource(0); // 5
 * toSource(1); // 8
 * ```
 */
export function offsetMapper(map: SourceMap): (offset: number) => number {
  const last = (map.length >> 1) - 1;
  let piece = 0;
  return (offset) => {
    let i = piece;
    if (!holds(map, last, i, offset)) {
      i = i < last && holds(map, last, i + 1, offset) ? i + 1 : pieceIndex(map, offset);
      piece = i;
    }
    return map[i * 2 + 1] + offset - map[i * 2];
  };
}

/** Whether piece `i` of `map` (whose last piece is `last`) is the last one starting at or before `offset`. */
function holds(map: SourceMap, last: number, i: number, offset: number): boolean {
  return map[i * 2] <= offset && (i === last || offset < map[i * 2 + 2]);
}
