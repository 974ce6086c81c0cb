/**
 * Output in the shape of the `docker-file-parser` npm package's `parse()`, computed from our
 * BuildKit-exact tree, for users who migrate code written against that package.
 */
import { isSplitSpace } from "../../grammar/dockerfile/chars.js";
import type { Comment, Dockerfile, Instruction } from "../ast/nodes.js";
import { physicalEndLine } from "../ast/query.js";

/** One entry of docker-file-parser's result. */
export interface DockerFileParserCommand {
  /** The keyword in upper case, or `COMMENT`. */
  name: string;
  /** Depends on the instruction, as in docker-file-parser: a string, a list, a key/value map or a nested command. */
  args: string | string[] | Record<string, string> | DockerFileParserCommand;
  /** The line where the logical instruction ends (docker-file-parser counts the last continued line). */
  lineno: number;
  /** The logical line, trimmed. */
  raw?: string;
}

/** Options of {@link toDockerFileParserCommands}. */
export interface DockerFileParserOptions {
  /** Include comment lines as `COMMENT` entries (docker-file-parser's `includeComments`). */
  includeComments?: boolean;
}

/** The text after the keyword and the blanks that follow it, flags included (docker-file-parser's `rest`). */
function restOf(node: Instruction): string {
  const original = node.original.trim();
  let i = node.keyword.value.length;
  while (i < original.length && isSplitSpace(original.charCodeAt(i))) i++;
  return original.slice(i);
}

function execOrRest(node: Instruction): string | string[] {
  if ("command" in node && node.command?.type === "ExecForm" && node.flags.length === 0) {
    return node.command.elements.map((e) => e.value);
  }
  return restOf(node);
}

function args(node: Instruction): DockerFileParserCommand["args"] {
  switch (node.type) {
    case "RUN":
    case "CMD":
    case "ENTRYPOINT":
      return execOrRest(node);
    case "ADD":
    case "COPY":
    case "VOLUME":
    case "EXPOSE":
      return listOrSplit(node);
    case "ENV":
    case "LABEL":
      return Object.fromEntries(node.pairs.map((p) => [p.key.value, p.value.value]));
    case "ARG":
      return node.args.map((a) => a.value);
    case "ONBUILD":
      return node.trigger === undefined ? "" : command(node.trigger);
    default:
      return restOf(node);
  }
}

/** The line where the logical line ends (before any heredoc body). */
function logicalEndLine(node: Instruction): number {
  const heredoc = node.heredocs[0];
  return heredoc === undefined ? physicalEndLine(node) : heredoc.marker.loc.end.line;
}

/** docker-file-parser's list parsing: JSON when the whole rest is a JSON string array, else a blank split. */
function listOrSplit(node: Instruction): string[] {
  if ("json" in node && node.json && node.flags.length === 0) return node.args.map((a) => a.value);
  return restOf(node).split(/[\t\v\f\r ]+/).filter((w) => w !== "");
}

function command(node: Instruction): DockerFileParserCommand {
  return { name: node.keyword.value.toUpperCase(), lineno: logicalEndLine(node), args: args(node), raw: node.original.trim() };
}

function commentEntry(comment: Comment): DockerFileParserCommand {
  return { name: "COMMENT", args: comment.raw.trim(), lineno: comment.loc.start.line };
}

/**
 * Our tree as docker-file-parser's `parse()` would return it (without its misreadings of
 * heredocs, the escape directive and continuation lines).
 *
 * @example
 * ```ts
 * toDockerFileParserCommands(parse("FROM alpine\nCMD [\"sh\"]\n").ast);
 * // [{ name: "FROM", args: "alpine", lineno: 1, raw: "FROM alpine" },
 * //  { name: "CMD", args: ["sh"], lineno: 2, raw: 'CMD ["sh"]' }]
 * ```
 */
export function toDockerFileParserCommands(ast: Dockerfile, options: DockerFileParserOptions = {}): DockerFileParserCommand[] {
  const result: DockerFileParserCommand[] = [];
  for (const item of ast.body) {
    if (item.type === "Comment") {
      if (options.includeComments) result.push(commentEntry(item));
    } else if (item.type !== "BlankLine" && item.type !== "Directive") {
      result.push(command(item));
      if (options.includeComments) result.push(...item.comments.map(commentEntry));
    }
  }
  return result;
}
