import { describe, expect, it } from "vitest";
import { flatMap } from "../../src/util/arrays.js";

describe("flatMap", () => {
  it("concatenates each item's results in order, with the index", () => {
    expect(flatMap([1, 2, 3], (n, i) => (n === 2 ? [] : [n, i]))).toEqual([1, 0, 3, 2]);
    expect(flatMap([] as number[], (n) => [n])).toEqual([]);
  });
  it("keeps nested arrays one level deep, as Array.prototype.flatMap does", () => {
    expect(flatMap([1], () => [[1, 2]])).toEqual([[1, 2]]);
  });
});
