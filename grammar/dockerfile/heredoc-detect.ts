/**
 * Which here-documents a logical line declares, exactly as BuildKit decides (`heredocsFromLine`):
 * only RUN, COPY and ADD (also as ONBUILD triggers), never in exec form; the whole line is
 * shell-lexed, and a lexing error anywhere means no here-documents at all.
 */
import { processWords, splitHeredocLine } from "../../src/expand/index.js";
import { argumentStyle, parseArguments, splitCommand, type SplitLine } from "./instruction-line.js";

/** One here-document declared by a marker such as `<<EOF`, `<<-'EOF'` or `3<<EOF`. */
export interface HeredocSpec {
  /** The terminator name (quotes and escapes removed). */
  readonly name: string;
  readonly fileDescriptor: number;
  readonly expand: boolean;
  readonly chomp: boolean;
  /** Offsets of the marker word in the logical line. */
  readonly markerStart: number;
  readonly markerEnd: number;
}

const HEREDOC_INSTRUCTIONS = new Set(["run", "copy", "add"]);
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;
const noEnv = (): undefined => undefined;

/** The instruction whose arguments may carry heredocs: the line itself, or an ONBUILD trigger. */
function heredocCarrier(line: string): SplitLine | undefined {
  let split = splitCommand(line);
  let keyword = split.keyword.value.toLowerCase();
  if (keyword === "onbuild") {
    if (split.argsStart >= split.argsEnd) return undefined;
    split = splitCommand(line, split.argsStart, split.argsEnd);
    keyword = split.keyword.value.toLowerCase();
  }
  if (!HEREDOC_INSTRUCTIONS.has(keyword)) return undefined;
  const args = parseArguments(argumentStyle(keyword), line, split.argsStart, split.argsEnd, 0x5c, keyword);
  if (args.kind === "list" && args.json) return undefined;
  return split;
}

/** The heredocs declared by a logical line, in marker order. */
export function detectHeredocs(line: string): HeredocSpec[] {
  if (!line.includes("<<") || heredocCarrier(line) === undefined) return [];
  const words = splitHeredocLine(line);
  if (words === undefined) return [];
  const specs: HeredocSpec[] = [];
  let searchFrom = 0;
  for (const word of words) {
    const at = line.indexOf(word, searchFrom);
    if (at >= 0) searchFrom = at + word.length;
    const spec = heredocFromWord(word);
    if (spec !== undefined) {
      specs.push({ ...spec, markerStart: Math.max(at, 0), markerEnd: at >= 0 ? at + word.length : 0 });
    }
  }
  return specs;
}

type MarkerInfo = Omit<HeredocSpec, "markerStart" | "markerEnd">;

/** BuildKit's `heredocFromMatch`: the name, and whether any part of it was quoted. */
function heredocFromWord(word: string): MarkerInfo | undefined {
  const m = HEREDOC_WORD.exec(word);
  if (!m || m[3].length === 0) return undefined;
  const cooked = processWords(m[3], noEnv, { skipUnsetEnv: true });
  if (!cooked.ok || cooked.words.length !== 1) return undefined;
  const raw = processWords(m[3], noEnv, { skipUnsetEnv: true, rawQuotes: true });
  if (!raw.ok || raw.words.length !== 1) return undefined;
  const name = cooked.words[0];
  return {
    name,
    fileDescriptor: m[1] === "" ? 0 : Number.parseInt(m[1], 10),
    expand: countQuotes(name) === countQuotes(raw.words[0]),
    chomp: m[2] === "-",
  };
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x27) n++;
  }
  return n;
}
