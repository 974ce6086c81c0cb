import { describe, expect, it } from "vitest";
import { analyze } from "../../src/index.js";
import { contextSources } from "../../rules/_support/build-context.js";
import { instructionsOfType, isTrigger, withTriggers } from "../../rules/_support/instructions.js";

const text = (instruction: { raw: string }): string => instruction.raw.trim();

describe("instructionsOfType", () => {
  const model = analyze("FROM a\nADD x /x\nONBUILD COPY y /y\nCOPY z /z\nONBUILD ADD w /w\nENV A=1\n");

  it("lists the instructions of the types in file order, triggers after their ONBUILD", () => {
    expect(instructionsOfType(model, ["COPY", "ADD"], "with-triggers").map(text)).toEqual(["ADD x /x", "COPY y /y", "COPY z /z", "ADD w /w"]);
    expect(instructionsOfType(model, ["COPY"], "with-triggers").map(text)).toEqual(["COPY y /y", "COPY z /z"]);
  });

  it("leaves the triggers out at top level", () => {
    expect(instructionsOfType(model, ["COPY", "ADD"], "top-level").map(text)).toEqual(["ADD x /x", "COPY z /z"]);
    expect(instructionsOfType(model, ["ADD"], "top-level").map(text)).toEqual(["ADD x /x"]);
  });

  it("is empty when no instruction has the types", () => {
    expect(instructionsOfType(model, ["EXPOSE", "LABEL"], "with-triggers")).toEqual([]);
  });

  it("tells triggers from top-level instructions", () => {
    expect(withTriggers(model).map((i) => isTrigger(model, i))).toEqual([false, false, false, true, false, false, true, false]);
  });
});

describe("contextSources", () => {
  it("keeps only the sources whose path contains a text, expanding the words that may", () => {
    const model = analyze("FROM a\nARG UP=..\nCOPY ../a b/c $UP/d \"..\"/e /dst/\n");
    expect(contextSources(model).map((s) => s.path)).toEqual(["../a", "b/c", "../d", "../e"]);
    expect(contextSources(model, "..").map((s) => s.path)).toEqual(["../a", "../d", "../e"]);
  });
});
