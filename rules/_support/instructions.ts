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
 * The instructions of {@link withTriggers}, the triggers among them, and the instructions of the
 * types asked for, each list made on its first request (most files have no ONBUILD: then the
 * instructions are the AST's own list, and both kinds of request share their lists).
 */
class InstructionTable {
  readonly instructions: readonly Instruction[];
  readonly triggers: ReadonlySet<Instruction>;
  readonly #topLevel: readonly Instruction[];
  /** The lists asked for with triggers, by type (or by types joined with spaces). */
  readonly #withTriggers = new Map<string, readonly Instruction[]>();
  /** The same without triggers (the same map when there are none). */
  readonly #withoutTriggers: Map<string, readonly Instruction[]>;

  constructor(topLevel: readonly Instruction[]) {
    this.#topLevel = topLevel;
    let instructions: Instruction[] | undefined;
    let triggers: Set<Instruction> | undefined;
    for (let i = 0; i < topLevel.length; i++) {
      const instruction = topLevel[i];
      if (instruction.type !== "ONBUILD" || instruction.trigger === undefined) continue;
      instructions ??= topLevel.slice(0, i);
      (triggers ??= new Set()).add(instruction.trigger);
    }
    if (instructions === undefined) {
      this.instructions = topLevel;
      this.triggers = NO_TRIGGERS;
      this.#withoutTriggers = this.#withTriggers;
      return;
    }
    // Some ONBUILD has a trigger: list each trigger right after its ONBUILD.
    for (let i = instructions.length; i < topLevel.length; i++) {
      const instruction = topLevel[i];
      instructions.push(instruction);
      if (instruction.type === "ONBUILD" && instruction.trigger !== undefined) instructions.push(instruction.trigger);
    }
    this.instructions = instructions;
    this.triggers = triggers!;
    this.#withoutTriggers = new Map();
  }

  /** The instructions of the types in file order (the shared empty list when there are none). */
  ofTypes(types: readonly InstructionType[], which: "with-triggers" | "top-level"): readonly Instruction[] {
    let found: readonly Instruction[] = NONE;
    for (const type of types) {
      const list = this.#listed(type, which, type);
      if (list.length === 0) continue;
      // Instructions of two of the types: one list of all the types, in file order.
      if (found.length > 0) return this.#listed(types, which, types.join(" "));
      found = list;
    }
    return found;
  }

  /** The instructions of the types, listed under `key` on first request. */
  #listed(types: InstructionType | readonly InstructionType[], which: "with-triggers" | "top-level", key: string): readonly Instruction[] {
    const lists = which === "with-triggers" ? this.#withTriggers : this.#withoutTriggers;
    let list = lists.get(key);
    if (list === undefined) {
      list = pick(which === "with-triggers" ? this.instructions : this.#topLevel, types);
      lists.set(key, list);
    }
    return list;
  }
}

/** The instructions of a type, or of several, in their order (the shared empty list when there are none). */
function pick(instructions: readonly Instruction[], types: InstructionType | readonly InstructionType[]): readonly Instruction[] {
  let found: Instruction[] | undefined;
  for (const instruction of instructions) {
    if (typeof types === "string" ? instruction.type === types : types.includes(instruction.type)) (found ??= []).push(instruction);
  }
  return found ?? NONE;
}

function instructionTable(model: SemanticModel): InstructionTable {
  return model.derived(instructionTable, () => new InstructionTable(model.ast.instructions));
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
