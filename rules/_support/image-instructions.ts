/**
 * Whether the target image has an instruction of a type, answered without listing the image's
 * instructions when the Dockerfile has no instruction of that type at all (the usual case for
 * HEALTHCHECK). Files starting with `_` are helpers, not rules.
 */
import type { Instruction } from "../../src/ast/nodes.js";
import type { SemanticModel } from "../../src/model/index.js";
import { instructionsOfType } from "./instructions.js";
import { imageInstructions } from "./target-image.js";

/**
 * Whether one of the instructions that build the target image (see `imageInstructions`) is of `type`.
 *
 * @example
 * ```ts
 * hasImageInstruction(analyze("FROM alpine AS base\nHEALTHCHECK NONE\nFROM base\n"), "HEALTHCHECK"); // true
 * hasImageInstruction(analyze("FROM alpine AS tools\nUSER app\nFROM debian\n"), "USER");          // false
 * ```
 */
export function hasImageInstruction(model: SemanticModel, type: Instruction["type"]): boolean {
  if (instructionsOfType(model, [type], "with-triggers").length === 0) return false;
  for (const instruction of imageInstructions(model)) if (instruction.type === type) return true;
  return false;
}
