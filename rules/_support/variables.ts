/** Variable references in words BuildKit expands: which names a word uses, and where. */
import type { Instruction, Range, Word } from "../../src/ast/nodes.js";
import { expandText, expansionSite } from "../../src/model/index.js";

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

const NAME_END = String.raw`(?![\p{L}\p{N}_])`;

/** `name` with regular-expression characters escaped (special parameters such as `$*` are names too). */
function literal(name: string): string {
  return name.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
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
  const n = literal(name);
  const match = new RegExp(String.raw`\$(?:\{${n}${NAME_END}[^}]*\}|${n}${NAME_END})`, "u").exec(text);
  return match === null ? range : [range[0] + match.index, range[0] + match.index + match[0].length];
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
  const n = literal(name);
  const all = text.match(new RegExp(String.raw`\$(?:\{${n}${NAME_END}|${n}${NAME_END})`, "gu"))?.length ?? 0;
  const guarded = text.match(new RegExp(String.raw`\$\{${n}:?[-+?]`, "gu"))?.length ?? 0;
  return all > 0 && all === guarded;
}

/**
 * The words of an instruction BuildKit expands against the stage environment: flag values it
 * expands, ENV/LABEL keys and values, ARG defaults, COPY/ADD arguments and expanded here-document
 * bodies, WORKDIR, USER, STOPSIGNAL, VOLUME and EXPOSE arguments.
 *
 * @example
 * ```ts
 * expandedWords(parse("FROM a\nCOPY --chown=$U a $D\n").ast.instructions[1]).map((w) => w.value); // ["$U", "a", "$D"]
 * ```
 */
export function expandedWords(instruction: Instruction): Word[] {
  const words: Word[] = instruction.flags.flatMap((f) => (f.value === undefined ? [] : [f.value]));
  switch (instruction.type) {
    case "ENV":
    case "LABEL":
      words.push(...instruction.pairs.flatMap((p) => [p.key, p.value]));
      break;
    case "ARG":
      words.push(...instruction.declarations.flatMap((d) => (d.defaultValue === undefined ? [] : [d.defaultValue])));
      break;
    case "COPY":
    case "ADD":
      words.push(...instruction.args, ...instruction.heredocs.map((h) => h.body));
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
  return words.filter((w) => expansionSite(instruction, w)?.scope === "stage");
}
