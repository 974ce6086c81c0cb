import { describe, expect, it } from "vitest";
import { analyze } from "../../src/index.js";
import { hasImageInstruction } from "../../rules/_support/target-image.js";

describe("hasImageInstruction", () => {
  it("finds an instruction of the target stage or a stage it is built FROM", () => {
    expect(hasImageInstruction(analyze("FROM alpine AS base\nHEALTHCHECK NONE\nFROM base\nCMD x\n"), "HEALTHCHECK")).toBe(true);
    expect(hasImageInstruction(analyze("FROM alpine\nUSER app\n"), "USER")).toBe(true);
  });

  it("finds an inherited ONBUILD trigger", () => {
    expect(hasImageInstruction(analyze("FROM alpine AS base\nONBUILD USER app\nFROM base\n"), "USER")).toBe(true);
  });

  it("ignores stages the image is not built from, and files without the type", () => {
    expect(hasImageInstruction(analyze("FROM alpine AS tools\nUSER app\nFROM debian\n"), "USER")).toBe(false);
    expect(hasImageInstruction(analyze("FROM alpine\nCMD x\n"), "HEALTHCHECK")).toBe(false);
  });
});
