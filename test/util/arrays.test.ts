import { describe, expect, it } from "vitest";
import { flatMap, itself, lastAtOrBefore } from "../../src/util/arrays.js";

describe("flatMap", () => {
  it("concatenates each item's results in order, with the index", () => {
    expect(flatMap([1, 2, 3], (n, i) => (n === 2 ? [] : [n, i]))).toEqual([1, 0, 3, 2]);
    expect(flatMap([] as number[], (n) => [n])).toEqual([]);
  });
  it("keeps nested arrays one level deep, as Array.prototype.flatMap does", () => {
    expect(flatMap([1], () => [[1, 2]])).toEqual([[1, 2]]);
  });
});

describe("lastAtOrBefore", () => {
  it("finds the last item whose key is at most the one asked, or -1", () => {
    const starts = [0, 4, 4, 9, 20];
    expect([-1, 0, 3, 4, 8, 9, 19, 20, 99].map((key) => lastAtOrBefore(starts, itself, key))).toEqual([-1, 0, 0, 2, 2, 3, 3, 4, 4]);
    expect(lastAtOrBefore([], itself, 5)).toBe(-1);
    expect(lastAtOrBefore([{ at: 3 }, { at: 7 }], (item) => item.at, 5)).toBe(0);
  });
});
