/**
 * Small helpers several instruction rules share: walking instructions together with their ONBUILD
 * triggers, finding the instructions of a type, and BuildKit's "did you mean" for keywords and flags.
 */
import type { Instruction } from "../../src/ast/nodes.js";
import type { SemanticModel } from "../../src/model/index.js";
import { editDistance } from "../../src/engine/suggest.js";

/**
 * Every instruction, and right after each ONBUILD its trigger (which downstream builds parse and
 * run as an instruction of their own); listed once per model, as many rules walk it.
 *
 * @example
 * ```ts
 * withTriggers(analyze("FROM a\nONBUILD RUN x\n")).map((i) => i.type); // ["FROM", "ONBUILD", "RUN"]
 * ```
 */
export function withTriggers(model: SemanticModel): readonly Instruction[] {
  return instructionTable(model).instructions;
}

type InstructionType = Instruction["type"];
/** The instruction node of a type. */
type InstructionOf<T extends InstructionType> = Extract<Instruction, { type: T }>;

/** The instructions of {@link withTriggers}, the triggers among them, and the instructions of each type. */
interface InstructionTable {
  readonly instructions: readonly Instruction[];
  readonly triggers: ReadonlySet<Instruction>;
  /** The instructions of each type in file order, triggers included. */
  readonly withTriggers: ReadonlyMap<InstructionType, readonly Instruction[]>;
  /** The same without triggers (the same map when there are none). */
  readonly topLevel: ReadonlyMap<InstructionType, readonly Instruction[]>;
}

function instructionTable(model: SemanticModel): InstructionTable {
  return model.derived(instructionTable, () => {
    const instructions: Instruction[] = [];
    const triggers = new Set<Instruction>();
    for (const instruction of model.ast.instructions) {
      instructions.push(instruction);
      if (instruction.type === "ONBUILD" && instruction.trigger !== undefined) {
        instructions.push(instruction.trigger);
        triggers.add(instruction.trigger);
      }
    }
    const withTriggers = byType(instructions);
    return { instructions, triggers, withTriggers, topLevel: triggers.size === 0 ? withTriggers : byType(model.ast.instructions) };
  });
}

function byType(instructions: readonly Instruction[]): Map<InstructionType, Instruction[]> {
  const map = new Map<InstructionType, Instruction[]>();
  for (const instruction of instructions) {
    const list = map.get(instruction.type);
    if (list === undefined) map.set(instruction.type, [instruction]);
    else list.push(instruction);
  }
  return map;
}

const NONE: readonly never[] = [];

/**
 * The instructions of the given types in file order, each ONBUILD trigger right after its
 * ONBUILD with `"with-triggers"`; `"top-level"` leaves triggers out (the instructions of
 * `model.ast.instructions`). Read from a table made once per model, so a rule looking for a few
 * types does not walk every instruction.
 *
 * @example
 * ```ts
 * const model = analyze("FROM a\nCOPY x /\nONBUILD ADD y /\n");
 * instructionsOfType(model, ["COPY", "ADD"], "with-triggers").map((i) => i.type); // ["COPY", "ADD"]
 * instructionsOfType(model, ["COPY", "ADD"], "top-level").map((i) => i.type);     // ["COPY"]
 * ```
 */
export function instructionsOfType<T extends InstructionType>(model: SemanticModel, types: readonly T[], which: "with-triggers" | "top-level"): readonly InstructionOf<T>[] {
  const table = instructionTable(model);
  const lists = which === "with-triggers" ? table.withTriggers : table.topLevel;
  let found: readonly Instruction[] = NONE;
  for (const type of types) {
    const list = lists.get(type);
    if (list === undefined) continue;
    // Instructions of two of the types: pick them in file order from the whole list.
    if (found.length > 0) return inFileOrder(table, types, which);
    found = list;
  }
  return found as readonly InstructionOf<T>[];
}

function inFileOrder<T extends InstructionType>(table: InstructionTable, types: readonly T[], which: "with-triggers" | "top-level"): InstructionOf<T>[] {
  const found: InstructionOf<T>[] = [];
  for (const instruction of table.instructions) {
    if ((types as readonly InstructionType[]).includes(instruction.type) && (which === "with-triggers" || !table.triggers.has(instruction))) found.push(instruction as InstructionOf<T>);
  }
  return found;
}

/**
 * True when `instruction` is the trigger of an ONBUILD (which {@link withTriggers} lists, and
 * `model.ast.instructions` does not).
 *
 * @example
 * ```ts
 * const model = analyze("FROM a\nONBUILD RUN x\n");
 * isTrigger(model, withTriggers(model)[2]); // true
 * ```
 */
export function isTrigger(model: SemanticModel, instruction: Instruction): boolean {
  return instructionTable(model).triggers.has(instruction);
}

/**
 * The candidate BuildKit would suggest for a mistyped word: the nearest one within an edit distance
 * below 3 (ties go to the first candidate), compared case-insensitively unless `caseSensitive`.
 *
 * @example
 * ```ts
 * buildkitSuggestion("RUUN", ["FROM", "RUN"]); // "RUN"
 * buildkitSuggestion("chmood", ["chmod", "chown"], true); // "chmod"
 * ```
 */
export function buildkitSuggestion(input: string, candidates: readonly string[], caseSensitive = false): string | undefined {
  const fold = (s: string): string => (caseSensitive ? s : s.toLowerCase());
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(fold(input), fold(candidate), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
