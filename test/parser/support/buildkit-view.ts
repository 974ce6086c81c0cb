/** Our tree seen as BuildKit's per-instruction fields in `edge-cases.json`. */
import type { Dockerfile, Instruction } from "../../../src/index.js";
import { physicalEndLine } from "../../../src/ast/query.js";

export interface BuildkitChild {
  instruction: string;
  value: string;
  flags: string[];
  args: (string | { sub: BuildkitChild })[];
  json: boolean;
  heredocs: { name: string; fileDescriptor: number; expand: boolean; chomp: boolean; content: string }[];
  startLine: number;
  endLine: number;
  original: string;
  prevComment: string[];
}

function isJson(node: Instruction): boolean {
  if ("command" in node && node.command !== undefined) return node.command.type === "ExecForm";
  if ("json" in node) return node.json === true;
  return false;
}

function child(node: Instruction, lines: boolean): BuildkitChild {
  const args: BuildkitChild["args"] =
    node.type === "ONBUILD" ? (node.trigger ? [{ sub: child(node.trigger, false) }] : []) : node.args.map((a) => a.value);
  return {
    instruction: node.keyword.value.toLowerCase(),
    value: node.keyword.value,
    flags: node.flags.map((f) => f.text),
    args,
    json: isJson(node),
    // BuildKit attaches an ONBUILD trigger's heredocs to the ONBUILD node only.
    heredocs: !lines ? [] : node.heredocs.map((h) => ({ name: h.name, fileDescriptor: h.fileDescriptor, expand: h.expand, chomp: h.chomp, content: h.body.value })),
    startLine: lines ? node.loc.start.line : 0,
    endLine: lines ? physicalEndLine(node) : 0,
    original: node.original,
    prevComment: [],
  };
}

/** Every instruction of the file as BuildKit's fields. */
export function buildkitView(ast: Dockerfile): BuildkitChild[] {
  const children: BuildkitChild[] = [];
  let comments: string[] = [];
  for (const item of ast.body) {
    if (item.type === "Comment") comments = item.value === "" ? [] : [...comments, item.value];
    else if (item.type !== "Directive" && item.type !== "BlankLine") {
      children.push({ ...child(item, true), prevComment: comments });
      comments = [];
    }
  }
  return children;
}
