import { describe, expect, it } from "vitest";
import { mapOffset, offsetMapper } from "../../src/ast/source-map.js";

/** A source map of `pieces` pieces with non-decreasing text offsets (some equal: empty pieces). */
function randomMap(pieces: number, random: () => number): number[] {
  const map: number[] = [];
  let text = 0;
  let source = Math.floor(random() * 20);
  for (let i = 0; i < pieces; i++) {
    map.push(text, source);
    text += Math.floor(random() * 6);
    source += Math.floor(random() * 10) + 1;
  }
  return map;
}

/** A small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe("offsetMapper answers as mapOffset", () => {
  const random = seeded(7);
  const maps = [[0, 5], [0, 5, 1, 8], [0, 3, 0, 9, 4, 20], ...Array.from({ length: 40 }, (_, i) => randomMap(1 + (i % 9), random))];
  const end = (map: number[]) => map[map.length - 2] + 8;

  it("for offsets asked forward", () => {
    for (const map of maps) {
      const toSource = offsetMapper(map);
      for (let offset = 0; offset <= end(map); offset++) expect(toSource(offset)).toBe(mapOffset(map, offset));
    }
  });

  it("for offsets asked backward", () => {
    for (const map of maps) {
      const toSource = offsetMapper(map);
      for (let offset = end(map); offset >= 0; offset--) expect(toSource(offset)).toBe(mapOffset(map, offset));
    }
  });

  it("for offsets asked in random order, before the map's first piece included", () => {
    for (const map of maps) {
      const toSource = offsetMapper(map);
      for (let n = 0; n < 200; n++) {
        const offset = Math.floor(random() * (end(map) + 4)) - 2;
        expect(toSource(offset)).toBe(mapOffset(map, offset));
      }
    }
  });
});
