/**
 * Instruction nodes: the typed parts of each instruction (image and stage name of FROM, pairs of
 * ENV, sources of COPY, …), built from BuildKit's argument list for that instruction, and the
 * fields all instructions share (keyword, flags, range, …).
 */
import { asciiKeyword, type LineFlag, type LinePiece, type ParsedArguments, type SplitLine } from "../../grammar/dockerfile/instruction-line.js";
import { locOf, sourceRange, wordAt, wordFrom, wordIn, type BuildContext, type Logical } from "./build.js";
import { splitImageRef } from "./image-ref-syntax.js";
import type {
  ArgDeclaration,
  CommandForm,
  Comment,
  Flag,
  Heredoc,
  ImageRef,
  Instruction,
  KeyValue,
  PortSpec,
  Range,
  Word,
} from "./nodes.js";

/**
 * The instruction type of a keyword: the known keyword it spells in upper case, or `UNKNOWN`
 * (ASCII spellings are matched directly; others, such as `ſhell`, once upper-cased).
 */
function instructionType(keyword: string): Instruction["type"] {
  return asciiKeyword(keyword) ?? asciiKeyword(keyword.toUpperCase()) ?? "UNKNOWN";
}

const NO_LIST: { readonly json: boolean; readonly args: readonly LinePiece[] } = Object.freeze({ json: false, args: Object.freeze([]) });

function listOf(parsed: ParsedArguments): { readonly json: boolean; readonly args: readonly LinePiece[] } {
  return parsed.kind === "list" ? parsed : NO_LIST;
}

function commandForm(ctx: BuildContext, logical: Logical, parsed: ParsedArguments, words: readonly Word[]): CommandForm | undefined {
  if (parsed.kind !== "list") return undefined;
  if (parsed.json) {
    const range = sourceRange(logical, parsed.start ?? 0, parsed.end ?? 0);
    return { type: "ExecForm", elements: words, range, loc: locOf(ctx, range) };
  }
  if (parsed.args.length === 0) return undefined;
  const { value, map, range, loc } = words[0];
  return map === undefined ? { type: "ShellForm", value, range, loc } : { type: "ShellForm", value, map, range, loc };
}

function imageRef(ctx: BuildContext, logical: Logical, piece: LinePiece): ImageRef {
  const parts = splitImageRef(piece.value);
  const part = (p: { start: number; end: number } | undefined): Word | undefined =>
    p === undefined ? undefined : wordIn(ctx, logical, piece.start + p.start, piece.start + p.end, piece.value.slice(p.start, p.end));
  const range = sourceRange(logical, piece.start, piece.end);
  return {
    type: "ImageRef",
    value: piece.value,
    registry: part(parts.registry),
    path: part(parts.path)!,
    tag: part(parts.tag),
    digest: part(parts.digest),
    range,
    loc: locOf(ctx, range),
  };
}

function portSpec(ctx: BuildContext, logical: Logical, piece: LinePiece): PortSpec {
  const slash = piece.value.indexOf("/");
  const portEnd = slash < 0 ? piece.end : piece.start + slash;
  const range = sourceRange(logical, piece.start, piece.end);
  // An empty port or protocol sits at the spec's own edge: mapped alone it could land past a line continuation.
  const port = portEnd > piece.start ? wordIn(ctx, logical, piece.start, portEnd, piece.value.slice(0, portEnd - piece.start)) : wordAt(ctx, range[0], range[0]);
  const protocol = slash < 0 ? undefined : piece.end > portEnd + 1 ? wordIn(ctx, logical, portEnd + 1, piece.end, piece.value.slice(slash + 1)) : wordAt(ctx, range[1], range[1]);
  return { type: "PortSpec", value: piece.value, port, protocol, range, loc: locOf(ctx, range) };
}

function argDeclaration(ctx: BuildContext, logical: Logical, piece: LinePiece): ArgDeclaration {
  const eq = piece.value.indexOf("=");
  const nameEnd = eq < 0 ? piece.end : piece.start + eq;
  const name = wordIn(ctx, logical, piece.start, nameEnd, eq < 0 ? piece.value : piece.value.slice(0, eq));
  const defaultValue = eq < 0 ? undefined : wordIn(ctx, logical, nameEnd + 1, piece.end, piece.value.slice(eq + 1));
  const range = sourceRange(logical, piece.start, piece.end);
  return { type: "ArgDeclaration", name, defaultValue, range, loc: locOf(ctx, range) };
}

/** The parts of an instruction that come from its whole lines rather than its split logical line. */
export interface Surroundings {
  readonly heredocs: readonly Heredoc[];
  readonly comments: readonly Comment[];
  /** The source text; undefined for an ONBUILD trigger (its range's text). */
  readonly raw: string | undefined;
  /** Where the instruction ends (after comments and heredocs). */
  readonly end: number;
}

function flagNode(ctx: BuildContext, logical: Logical, flag: LineFlag): Flag {
  const eq = flag.value.indexOf("=");
  const nameEnd = flag.equalsAt >= 0 ? flag.equalsAt : flag.end;
  const name = wordIn(ctx, logical, flag.start + 2, nameEnd, flag.value.slice(2, eq >= 0 ? eq : undefined));
  const value = eq >= 0 ? wordIn(ctx, logical, Math.min(flag.equalsAt + 1, flag.end), flag.end, flag.value.slice(eq + 1)) : undefined;
  const range = sourceRange(logical, flag.start, flag.end);
  return { type: "Flag", name, value, text: flag.value, range, loc: locOf(ctx, range) };
}

/**
 * Builds one instruction (or ONBUILD trigger) from its split logical line and BuildKit's argument
 * list for it. Each node is one object literal, its type-specific fields first, then the ones all
 * instructions share (adding those afterwards would store them through slow, many-shaped stores).
 */
export function instructionNode(ctx: BuildContext, logical: Logical, split: SplitLine, parsed: ParsedArguments, around: Surroundings): Instruction {
  const keyword = wordFrom(ctx, logical, split.keyword);
  const flags = split.flags.length === 0 ? [] : split.flags.map((f) => flagNode(ctx, logical, f));
  const range: Range = [keyword.range[0], Math.max(around.end, keyword.range[1])];
  const { heredocs, comments } = around;
  const trigger =
    parsed.kind === "subcommand" ? instructionNode(ctx, logical, parsed.line, parsed.args, { heredocs, comments: [], raw: undefined, end: around.end }) : undefined;
  const original = logical.text.slice(split.keyword.start);
  const originalMap = logical.map;
  const raw = around.raw ?? ctx.text.slice(range[0], range[1]);
  const loc = locOf(ctx, range);
  const type = instructionType(keyword.value);
  const word = (p: LinePiece): Word => wordFrom(ctx, logical, p);
  const list = listOf(parsed);
  const args = list.args.map(word);
  switch (type) {
    case "FROM": {
      const hasAs = args.length >= 3 && args[1].value.toLowerCase() === "as";
      return {
        type,
        args,
        platform: flags.find((f) => f.name.value === "platform"),
        image: list.args.length > 0 ? imageRef(ctx, logical, list.args[0]) : undefined,
        asKeyword: hasAs ? args[1] : undefined,
        stageName: hasAs ? args[2] : undefined,
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    }
    case "RUN":
    case "CMD":
    case "ENTRYPOINT":
    case "SHELL":
      return {
        type,
        args,
        command: commandForm(ctx, logical, parsed, args),
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    case "COPY":
    case "ADD":
      return {
        type,
        args,
        json: list.json,
        sources: args.length > 1 ? args.slice(0, -1) : args,
        destination: args.length > 1 ? args[args.length - 1] : undefined,
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    case "VOLUME":
      return {
        type,
        args,
        json: list.json,
        paths: args,
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    case "EXPOSE":
      return {
        type,
        args,
        ports: list.args.map((p) => portSpec(ctx, logical, p)),
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    case "ARG":
      return {
        type,
        args,
        declarations: list.args.map((p) => argDeclaration(ctx, logical, p)),
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    case "ENV":
    case "LABEL": {
      const pairs: KeyValue[] = [];
      const triple: Word[] = [];
      if (parsed.kind === "name-value") {
        for (const p of parsed.pairs) {
          const key = word(p.key);
          const value = word(p.value);
          const sep = p.legacy ? wordIn(ctx, logical, p.key.end, p.key.end, "") : wordIn(ctx, logical, p.key.end, p.key.end + 1, "=");
          triple.push(key, value, sep);
          const range = sourceRange(logical, p.key.start, Math.max(p.value.end, p.key.end + (p.legacy ? 0 : 1)));
          pairs.push({ type: "KeyValue", key, value, form: p.legacy ? "legacy" : "equals", range, loc: locOf(ctx, range) });
        }
      }
      return {
        type,
        args: triple,
        pairs,
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    }
    case "HEALTHCHECK": {
      const kind = parsed.kind === "healthcheck" ? word(parsed.type) : undefined;
      const cmdArgs = parsed.kind === "healthcheck" ? listOf(parsed.command).args.map(word) : [];
      return {
        type,
        args: kind === undefined ? args : [kind, ...cmdArgs],
        kind,
        command: parsed.kind === "healthcheck" ? commandForm(ctx, logical, parsed.command, cmdArgs) : undefined,
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    }
    case "ONBUILD":
      return {
        type,
        args: [],
        trigger,
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    case "USER":
    case "WORKDIR":
    case "STOPSIGNAL":
    case "MAINTAINER":
      return {
        type,
        args,
        value: args[0],
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
    default:
      return {
        type: "UNKNOWN",
        args,
        keyword, flags, heredocs, comments, original, originalMap, raw, range, loc,
      };
  }
}
