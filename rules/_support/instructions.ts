/**
 * Small helpers several instruction rules share: walking instructions together with their ONBUILD
 * triggers, and BuildKit's "did you mean" for keywords and flags.
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
  return model.derived(withTriggers, () => {
    const all: Instruction[] = [];
    for (const instruction of model.ast.instructions) {
      all.push(instruction);
      if (instruction.type === "ONBUILD" && instruction.trigger !== undefined) all.push(instruction.trigger);
    }
    return all;
  });
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
