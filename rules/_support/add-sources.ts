/** The sources of ADD instructions (ONBUILD triggers included) that have no `--checksum`, with their expanded values. */
import type { AddInstruction, Word } from "../../src/ast/nodes.js";
import type { SemanticModel } from "../../src/model/index.js";
import { instructionsOfType } from "./instructions.js";

/** One ADD source and its value after BuildKit's expansion. */
export interface AddSource {
  readonly add: AddInstruction;
  readonly source: Word;
  readonly value: string;
}

/**
 * Every source of an ADD without `--checksum`, expanded: computed once per file (no-plain-http and
 * require-download-checksum both read it).
 *
 * @example
 * ```ts
 * uncheckedAddSources(analyze("FROM a\nADD http://x/y.tgz /\n")).map((s) => s.value); // ["http://x/y.tgz"]
 * ```
 */
export function uncheckedAddSources(model: SemanticModel): readonly AddSource[] {
  return model.derived(uncheckedAddSources, collectSources);
}

function collectSources(model: SemanticModel): AddSource[] {
  const found: AddSource[] = [];
  for (const add of instructionsOfType(model, ["ADD"], "with-triggers")) {
    if (add.flags.some((f) => f.name.value === "checksum")) continue;
    for (const source of add.sources) found.push({ add, source, value: model.resolve(source, add).value });
  }
  return found;
}
