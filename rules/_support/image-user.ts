/** The user the target image runs as: the last USER of its stage chain, expanded. */
import type { SingleValueInstruction } from "../../src/ast/nodes.js";
import type { SemanticModel } from "../../src/model/index.js";
import { imageInstructions } from "./target-image.js";
import { knownValue } from "./variables.js";

/**
 * The last USER instruction that shapes the target image, with its expanded `user[:group]`
 * value; `value` is undefined when a variable in it has no known value. Computed once per model.
 *
 * @example
 * ```ts
 * lastImageUser(analyze("FROM alpine AS b\nUSER app\nFROM b\n"))?.value; // "app"
 * ```
 */
export function lastImageUser(model: SemanticModel): { instruction: SingleValueInstruction; value: string | undefined } | undefined {
  return model.derived(lastImageUser, findLastImageUser);
}

function findLastImageUser(model: SemanticModel): { instruction: SingleValueInstruction; value: string | undefined } | undefined {
  const instructions = imageInstructions(model);
  for (let i = instructions.length - 1; i >= 0; i--) {
    const instruction = instructions[i];
    if (instruction.type !== "USER" || instruction.value === undefined) continue;
    return { instruction, value: knownValue(model.resolve(instruction.value, instruction)) };
  }
  return undefined;
}

/**
 * True for `root`, `0`, and either with a group (`root:root`, `0:0`).
 *
 * @example
 * ```ts
 * isRootUser("0:1000"); // true
 * ```
 */
export function isRootUser(user: string): boolean {
  const colon = user.indexOf(":");
  const name = (colon < 0 ? user : user.slice(0, colon)).trim();
  return name === "root" || name === "0";
}
