/** Cycles need a dependency on a later stage: graphs without one have none, graphs with one are searched. */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/model/index.js";

describe("stage graph cycles", () => {
  it.each([
    ["backward dependencies only", "FROM a AS x\nFROM b AS y\nCOPY --from=x / /\nFROM y\n", []],
    ["a forward reference that closes no loop", "FROM a AS x\nCOPY --from=y / /\nFROM b AS y\n", []],
    ["a forward reference that closes a loop", "FROM a AS x\nCOPY --from=y / /\nFROM b AS y\nCOPY --from=x / /\n", [[0, 1]]],
    ["a loop through a mount", "FROM a AS x\nRUN --mount=from=z,target=/z true\nFROM x AS y\nFROM y AS z\n", [[0, 2, 1]]],
  ])("%s", (_name, text, cycles) => expect(analyze(text).graph.cycles).toEqual(cycles));
});
