/** The model finds an instruction's stage, scope and shell by the node, for own instructions, inherited triggers and strangers. */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/model/index.js";
import type { OnbuildInstruction, RunInstruction } from "../../src/ast/nodes.js";

const text = [
  "ARG V=1",
  "FROM alpine AS base",
  "ENV X=1",
  "ONBUILD RUN echo $X",
  'SHELL ["/bin/bash", "-c"]',
  "FROM base AS child",
  "ENV Y=2",
  "RUN echo $Y",
  "FROM base AS other",
  "RUN true",
  "",
].join("\n");

describe("instruction lookup", () => {
  const model = analyze(text);
  const [meta, , env, onbuild, , childFrom, , run] = model.ast.instructions;
  const trigger = (onbuild as OnbuildInstruction).trigger as RunInstruction;

  it("finds own instructions by node and by index alike", () => {
    expect(model.stageOf(env)?.id).toBe("base");
    expect(model.stageOf(run)?.id).toBe("child");
    expect(model.stageOf(7)).toBe(model.stageOf(run));
    expect(model.scopeAt(run).get("Y")).toBe("2");
    expect(model.scopeAt(run)).toBe(model.scopeAt(7));
    expect(model.stageOf(meta)).toBeUndefined();
    expect(model.scopeAt(meta).variables.map((v) => v.name)).not.toContain("V");
  });

  it("gives a FROM the globals and its stage's final shell", () => {
    expect(model.stageOf(childFrom)?.id).toBe("child");
    expect(model.scopeAt(childFrom).get("V")).toBe("1");
    expect(model.shellAt(childFrom)?.argv).toEqual(["/bin/bash", "-c"]);
  });

  it("puts an inherited trigger in the first stage that runs it, and analyses it in each", () => {
    expect(model.stageOf(trigger)?.id).toBe("child");
    expect(model.scopeAt(trigger).get("X")).toBe("1");
    expect(model.shellAt(trigger)?.argv).toEqual(["/bin/bash", "-c"]);
    expect(model.runOf(trigger)?.stage).toBe(1);
    expect(model.runs.filter((r) => r.instruction === trigger).map((r) => [r.stage, r.onbuild])).toEqual([[1, true], [2, true]]);
    expect(model.runOf(trigger)).toBe(model.runs.find((r) => r.instruction === trigger));
  });

  it("knows nothing of another file's instructions", () => {
    const stranger = analyze(text).ast.instructions[7];
    expect(model.stageOf(stranger)).toBeUndefined();
    expect(model.scopeAt(stranger).variables).toEqual([]);
    expect(model.shellAt(stranger)).toBeUndefined();
    expect(model.runOf(stranger as RunInstruction)).toBeUndefined();
  });
});
