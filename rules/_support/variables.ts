/** Variable references in words BuildKit expands: which names a word uses, and where. */
import type { Instruction, Range, Word } from "../../src/ast/nodes.js";
import { expandText, expansionSite, type Expansion, type Scope, type SemanticModel, type ValueLookup } from "../../src/model/index.js";

/**
 * The names a word refers to as `$name` or `${name…}`, read by BuildKit's lexer.
 *
 * @example
 * ```ts
 * referencedNames("${A:-x}/$B", "\\"); // ["A", "B"]
 * ```
 */
export function referencedNames(text: string, escape: "\\" | "`"): string[] {
  const expansion = expandText(text, { get: () => undefined }, escape, "word");
  return [...new Set([...expansion.unresolved, ...expansion.matched])];
}

const NAME_CHAR = /[\p{L}\p{N}_]/u;

/** True when the character at `i` would continue a variable name. */
function continuesName(text: string, i: number): boolean {
  return i < text.length && NAME_CHAR.test(text[i]);
}

/** One `$name` or `${name…}` reference in a text. */
interface Reference {
  readonly start: number;
  /** End of the reference; for `${name…}` the closing brace, or undefined when it never closes. */
  readonly end: number | undefined;
  readonly braced: boolean;
  /** `${name:-x}`, `${name-x}`, `${name:+x}`, `${name+x}`, `${name:?m}`, `${name?m}`. */
  readonly guarded: boolean;
}

/** Every reference to `name` in `text`, found by scanning (no regular expression built from the name). */
function* referencesTo(text: string, name: string): Generator<Reference> {
  for (let i = text.indexOf("$"); i >= 0; i = text.indexOf("$", i + 1)) {
    if (text[i + 1] === "{" && text.startsWith(name, i + 2) && !continuesName(text, i + 2 + name.length)) {
      const after = i + 2 + name.length;
      const op = text[after] === ":" ? text[after + 1] : text[after];
      const close = text.indexOf("}", after);
      yield { start: i, end: close < 0 ? undefined : close + 1, braced: true, guarded: op === "-" || op === "+" || op === "?" };
    } else if (text.startsWith(name, i + 1) && !continuesName(text, i + 1 + name.length)) {
      yield { start: i, end: i + 1 + name.length, braced: false, guarded: false };
    }
  }
}

/**
 * The range of the first `$name` or `${name…}` inside `range` of the source, or `range` itself.
 *
 * @example
 * ```ts
 * referenceRange("ENV A=$B", [4, 8], "B"); // [6, 8]
 * ```
 */
export function referenceRange(source: string, range: Range, name: string): Range {
  const text = source.slice(range[0], range[1]);
  for (const ref of referencesTo(text, name)) {
    if (ref.end !== undefined) return [range[0] + ref.start, range[0] + ref.end];
  }
  return range;
}

/**
 * True when every reference to `name` in `text` has a fallback (`${name:-x}`, `${name-x}`,
 * `${name:+x}`, `${name+x}`, `${name:?msg}`, `${name?msg}`), so an unset value is expected.
 *
 * @example
 * ```ts
 * onlyWithFallback("${A:-1} ${A-2}", "A"); // true
 * onlyWithFallback("${A:-1} $A", "A");     // false
 * ```
 */
export function onlyWithFallback(text: string, name: string): boolean {
  let all = 0;
  let guarded = 0;
  for (const ref of referencesTo(text, name)) {
    all++;
    if (ref.guarded) guarded++;
  }
  return all > 0 && all === guarded;
}

/** A word BuildKit expands against the stage environment, and its expansion there. */
export interface StageExpansion {
  readonly word: Word;
  /** The text BuildKit expands: the word's value, or a heredoc's content. */
  readonly text: string;
  /**
   * The expansion against the variables visible at the instruction. A name the scope knows to be
   * unset still counts as unresolved: whether that is worth a report is the rule's call.
   */
  readonly expansion: Expansion;
}

/** The words of one instruction BuildKit expands against the stage environment. */
export interface InstructionExpansions {
  readonly instruction: Instruction;
  /** In the instruction's order; never empty. */
  readonly expansions: readonly StageExpansion[];
}

/**
 * The words BuildKit expands against the stage environment (flag values it expands, ENV/LABEL
 * keys and values, ARG defaults, COPY/ADD arguments and expanded here-document bodies, WORKDIR,
 * USER, STOPSIGNAL, VOLUME and EXPOSE arguments) that can refer to a variable or fail to expand,
 * each with its expansion, for every instruction of every stage that has such words, in order;
 * computed once per model, as several rules read them. A word without `$` or quote is left out:
 * it refers to no variable and cannot fail (escapes alone never do).
 *
 * @example
 * ```ts
 * const model = analyze("FROM a\nARG D=/x\nCOPY --chown=$U a $D\n");
 * stageExpansions(model)[0].expansions.map((e) => e.expansion.value); // ["", "/x"]
 * ```
 */
export function stageExpansions(model: SemanticModel): readonly InstructionExpansions[] {
  return model.derived(stageExpansions, expandStages);
}

function expandStages(model: SemanticModel): readonly InstructionExpansions[] {
  const all: InstructionExpansions[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      const expansions = expandStageWords(model, instruction);
      if (expansions.length > 0) all.push({ instruction, expansions });
    }
  }
  return all;
}

const NO_EXPANSIONS: readonly StageExpansion[] = [];

/** The stage expansions of one instruction that may refer to a variable or fail (the shared empty list when there are none). */
function expandStageWords(model: SemanticModel, instruction: Instruction): readonly StageExpansion[] {
  // Words are read from the instruction's lines (a JSON array is quoted): no line with a `$` or a quote, no such word.
  // Other instructions expand flag values only, which each word's own test below looks at (a RUN's lines are long).
  if (EXPANDING.has(instruction.type) ? !MAY_REFER_OR_FAIL.test(instruction.raw) : instruction.flags.length === 0) return NO_EXPANSIONS;
  let values: StageValues | undefined;
  let expansions: StageExpansion[] | undefined;
  for (const word of expandableWords(instruction)) {
    // A here-document's content is its body with tabs stripped: no `$` or quote in one, none in the other.
    if (!MAY_REFER_OR_FAIL.test(word.value)) continue;
    const site = expansionSite(instruction, word);
    if (site?.scope !== "stage") continue;
    const text = site.text ?? word.value;
    values ??= new StageValues(model, instruction);
    (expansions ??= []).push({ word, text, expansion: expandText(text, values, model.ast.escapeChar, site.mode) });
  }
  return expansions ?? NO_EXPANSIONS;
}

/**
 * What a word needs for its expansion to refer to a variable (`$`) or to fail (`$` or a quote):
 * `needsLexing` (src/expand) without the escape character, as an escape alone neither refers to a
 * variable nor makes the lexer fail.
 */
const MAY_REFER_OR_FAIL = /[$'"]/;

/**
 * The known values of the variables visible at an instruction, without `isUnset` (a name known to
 * be unset stays unresolved); the scope is only looked up when a word does refer to a variable.
 */
class StageValues implements ValueLookup {
  #scope: Scope | undefined;

  constructor(
    private readonly model: SemanticModel,
    private readonly instruction: Instruction,
  ) {}

  get(name: string): string | undefined {
    this.#scope ??= this.model.scopeAt(this.instruction);
    return this.#scope.get(name);
  }
}

/** The instructions whose arguments BuildKit may expand. */
const EXPANDING: ReadonlySet<Instruction["type"]> = new Set(["ENV", "LABEL", "ARG", "COPY", "ADD", "WORKDIR", "USER", "STOPSIGNAL", "VOLUME", "EXPOSE"]);

/** The words of an instruction that BuildKit may expand (flag values and the arguments of the instructions that expand). */
function expandableWords(instruction: Instruction): Word[] {
  const words: Word[] = [];
  for (const flag of instruction.flags) if (flag.value !== undefined) words.push(flag.value);
  switch (instruction.type) {
    case "ENV":
    case "LABEL":
      for (const pair of instruction.pairs) words.push(pair.key, pair.value);
      break;
    case "ARG":
      for (const declaration of instruction.declarations) if (declaration.defaultValue !== undefined) words.push(declaration.defaultValue);
      break;
    case "COPY":
    case "ADD":
      words.push(...instruction.args);
      for (const heredoc of instruction.heredocs) words.push(heredoc.body);
      break;
    case "WORKDIR":
    case "USER":
    case "STOPSIGNAL":
    case "VOLUME":
    case "EXPOSE":
      words.push(...instruction.args);
      break;
    default:
      break;
  }
  return words;
}

/** An expansion's value when it is fully known (no unresolved variable, no error); else undefined. */
export function knownValue(expansion: Expansion): string | undefined {
  return expansion.unresolved.length > 0 || expansion.error !== undefined ? undefined : expansion.value;
}
