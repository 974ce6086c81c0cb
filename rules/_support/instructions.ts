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

const NONE: readonly never[] = [];
const NO_TRIGGERS: ReadonlySet<Instruction> = new Set();

/**
 * The instructions of {@link withTriggers}, the triggers among them, and the instructions of each
 * type, made in one walk (instructions come in many shapes: reading their types is the cost). Most
 * files have no ONBUILD trigger: the instructions are then the AST's own list, and one table of
 * types serves both kinds of request.
 */
class InstructionTable {
  readonly instructions: readonly Instruction[];
  readonly triggers: ReadonlySet<Instruction>;
  /** The instructions of `model.ast.instructions`: without triggers. */
  readonly #topLevel: readonly Instruction[];
  /** The instructions of each type in file order, triggers included; and the lists of several types asked for, by their types joined with spaces. */
  readonly #withTriggers = new Map<string, readonly Instruction[]>();
  /** The same without triggers (the same map when there are none). */
  readonly #withoutTriggers: Map<string, readonly Instruction[]>;

  constructor(topLevel: readonly Instruction[]) {
    let instructions: Instruction[] | undefined;
    let triggers: Set<Instruction> | undefined;
    for (let i = 0; i < topLevel.length; i++) {
      const instruction = topLevel[i];
      listed(this.#withTriggers, instruction);
      const trigger = instruction.type === "ONBUILD" ? instruction.trigger : undefined;
      if (trigger === undefined) {
        instructions?.push(instruction);
        continue;
      }
      // Each trigger comes right after its ONBUILD.
      instructions ??= topLevel.slice(0, i);
      instructions.push(instruction, trigger);
      listed(this.#withTriggers, trigger);
      (triggers ??= new Set()).add(trigger);
    }
    this.#topLevel = topLevel;
    this.instructions = instructions ?? topLevel;
    this.triggers = triggers ?? NO_TRIGGERS;
    this.#withoutTriggers = triggers === undefined ? this.#withTriggers : new Map();
    if (triggers !== undefined) for (const instruction of topLevel) listed(this.#withoutTriggers, instruction);
  }

  /** The instructions of the types in file order (the shared empty list when there are none). */
  ofTypes(types: readonly InstructionType[], which: "with-triggers" | "top-level"): readonly Instruction[] {
    const lists = which === "with-triggers" ? this.#withTriggers : this.#withoutTriggers;
    let found: readonly Instruction[] = NONE;
    for (const type of types) {
      const list = lists.get(type);
      if (list === undefined) continue;
      // Instructions of two of the types: one list of all of them in file order, made on first request.
      if (found.length > 0) return this.#mixed(lists, types, which === "with-triggers" ? this.instructions : this.#topLevel);
      found = list;
    }
    return found;
  }

  #mixed(lists: Map<string, readonly Instruction[]>, types: readonly InstructionType[], instructions: readonly Instruction[]): readonly Instruction[] {
    const key = types.join(" ");
    let list = lists.get(key);
    if (list === undefined) {
      list = instructions.filter((instruction) => types.includes(instruction.type));
      lists.set(key, list);
    }
    return list;
  }
}

/** Adds `instruction` to the list of its type. */
function listed(lists: Map<string, readonly Instruction[]>, instruction: Instruction): void {
  const type = instruction.type;
  const list = lists.get(type) as Instruction[] | undefined;
  if (list === undefined) lists.set(type, [instruction]);
  else list.push(instruction);
}

function instructionTable(model: SemanticModel): InstructionTable {
  return model.derived(instructionTable, newInstructionTable);
}

function newInstructionTable(model: SemanticModel): InstructionTable {
  return new InstructionTable(model.ast.instructions);
}

/**
 * The instructions of the given types in file order, each ONBUILD trigger right after its
 * ONBUILD with `"with-triggers"`; `"top-level"` leaves triggers out (the instructions of
 * `model.ast.instructions`). Each list is made once per model, so a rule looking for a few types
 * does not walk every instruction.
 *
 * @example
 * ```ts
 * const model = analyze("FROM a\nCOPY x /\nONBUILD ADD y /\n");
 * instructionsOfType(model, ["COPY", "ADD"], "with-triggers").map((i) => i.type); // ["COPY", "ADD"]
 * instructionsOfType(model, ["COPY", "ADD"], "top-level").map((i) => i.type);     // ["COPY"]
 * ```
 */
export function instructionsOfType<T extends InstructionType>(model: SemanticModel, types: readonly T[], which: "with-triggers" | "top-level"): readonly InstructionOf<T>[] {
  return instructionTable(model).ofTypes(types, which) as readonly InstructionOf<T>[];
}

/**
 * True when some ONBUILD of the file has a trigger (which {@link withTriggers} then lists).
 *
 * @example
 * ```ts
 * hasTriggers(analyze("FROM a\nONBUILD RUN x\n")); // true
 * ```
 */
export function hasTriggers(model: SemanticModel): boolean {
  return instructionTable(model).triggers.size > 0;
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
