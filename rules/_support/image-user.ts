/** The user the target image runs as: the last USER of its stage chain, expanded. */
import type { SingleValueInstruction } from "../../src/ast/nodes.js";
import type { SemanticModel } from "../../src/model/index.js";
import { imageInstructions } from "./target-image.js";

/**
 * The last USER instruction that shapes the target image, with its expanded `user[:group]`
 * value; `value` is undefined when a variable in it has no known value.
 *
 * @example
 * ```ts
 * lastImageUser(analyze("FROM alpine AS b\nUSER app\nFROM b\n"))?.value; // "app"
 * ```
 */
export function lastImageUser(model: SemanticModel): { instruction: SingleValueInstruction; value: string | undefined } | undefined {
  const users = imageInstructions(model).filter((i): i is SingleValueInstruction => i.type === "USER" && i.value !== undefined);
  const instruction = users[users.length - 1];
  if (instruction === undefined) return undefined;
  const expansion = model.resolve(instruction.value!, instruction);
  return { instruction, value: expansion.error !== undefined || expansion.unresolved.length > 0 ? undefined : expansion.value };
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
  const name = user.split(":")[0].trim();
  return name === "root" || name === "0";
}
