/**
 * The image a build produces, as rules see it: the target stage and the stages it is built FROM
 * (its stage chain), and the instructions that end up shaping the image's config.
 */
import type { Instruction } from "../../src/ast/nodes.js";
import type { SemanticModel, Stage } from "../../src/model/index.js";
import { instructionsOfType } from "./instructions.js";

/**
 * The stage chain of the target image: the target stage first, then each stage it is built FROM,
 * down to the one built on an image or `scratch`. Empty when the model has no target. Computed
 * once per model, as several rules ask.
 *
 * @example
 * ```ts
 * imageStages(analyze("FROM alpine AS base\nFROM base AS app\nFROM golang AS tools\n"))
 *   .map((s) => s.index); // [2]
 * imageStages(analyze("FROM alpine AS base\nFROM base\n")).map((s) => s.index); // [1, 0]
 * ```
 */
export function imageStages(model: SemanticModel): readonly Stage[] {
  return model.derived(imageStages, stageChainOfTarget);
}

function stageChainOfTarget(model: SemanticModel): readonly Stage[] {
  const chain: Stage[] = [];
  for (let stage = model.target.target === undefined ? undefined : model.stages[model.target.target]; stage !== undefined && !chain.includes(stage); ) {
    chain.push(stage);
    stage = stage.base.kind === "stage" ? model.stages[stage.base.index] : undefined;
  }
  return chain;
}

/**
 * Whether stage `index` is one of {@link imageStages}: its instructions end up in the image.
 *
 * @example
 * ```ts
 * inImageStages(analyze("FROM alpine AS base\nFROM golang AS tools\n"), 0); // false
 * ```
 */
export function inImageStages(model: SemanticModel, index: number): boolean {
  for (const stage of imageStages(model)) if (stage.index === index) return true;
  return false;
}

/**
 * Every instruction that builds the target image, in build order: for each stage of the chain,
 * from the bottom, its inherited ONBUILD triggers, then its own instructions.
 *
 * @example
 * ```ts
 * imageInstructions(analyze("FROM alpine AS base\nHEALTHCHECK NONE\nFROM base\nCMD x\n")).map((i) => i.type);
 * // ["HEALTHCHECK", "CMD"]
 * ```
 */
export function imageInstructions(model: SemanticModel): readonly Instruction[] {
  return model.derived(imageInstructions, instructionsOfImageStages);
}

function instructionsOfImageStages(model: SemanticModel): readonly Instruction[] {
  const chain = imageStages(model);
  // One stage built on an image: its own instructions.
  if (chain.length === 1 && chain[0].triggers.length === 0) return chain[0].instructions;
  const instructions: Instruction[] = [];
  for (let i = chain.length - 1; i >= 0; i--) instructions.push(...chain[i].triggers, ...chain[i].instructions);
  return instructions;
}

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
