import type { BodyItem, Comment, Instruction } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";

/** BuildKit's `PrevComment` of each instruction: the comment lines above it since the previous instruction, cleared by an empty `#`. */
function previousComments(body: readonly BodyItem[]): Map<Instruction, Comment[]> {
  const result = new Map<Instruction, Comment[]>();
  let comments: Comment[] = [];
  for (const item of body) {
    if (item.type === "Comment") comments = item.value === "" ? [] : [...comments, item];
    else if (item.type !== "BlankLine" && item.type !== "Directive") {
      result.set(item, comments);
      comments = [];
    }
  }
  return result;
}

export default defineRule({
  meta: {
    id: "definition-description",
    description: "Require a comment right above a stage or ARG to start with its name",
    category: "instructions",
    severity: "off",
    fixable: "none",
    aliases: ["InvalidDefinitionDescription"],
    messages: {
      description: "Comment for {{keyword}} should follow the format: `# {{name}} <description>`.",
    },
    docs: {
      why: "BuildKit reads the comment directly above `FROM … AS name` and above `ARG` as the description of that stage or argument (shown by `docker buildx build --call=outline` and `--call=targets`) when its first word is the name. A comment there that does not start with the name is probably meant as a description but will not be used as one.",
      bad: ["# Builds the Go binary\nFROM golang:1.22 AS build\n", "FROM alpine\n# The version to install\nARG VERSION=1.0\n"],
      good: ["# build builds the Go binary\nFROM golang:1.22 AS build\n", "FROM alpine\n# VERSION of the tool to install\nARG VERSION=1.0\n", "# A note that is not a description\n\n#\nFROM golang:1.22 AS build\n"],
      notes: "Off by default, as BuildKit ships the check as experimental: any comment above a stage or ARG (including `# hadolint ignore=…` pragmas) must then follow the format, or be separated from the instruction by an empty `#` line. Only the last comment line above the instruction is read, as in BuildKit; blank lines do not separate.",
      references: ["https://docs.docker.com/go/dockerfile/rule/invalid-definition-description/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const comments = previousComments(context.ast.body);
    for (const instruction of context.ast.instructions) {
      const keys =
        instruction.type === "FROM" && instruction.stageName !== undefined ? [instruction.stageName.value.toLowerCase()]
          : instruction.type === "ARG" ? instruction.declarations.map((d) => d.name.value)
            : [];
      const above = comments.get(instruction) ?? [];
      const last = above[above.length - 1];
      if (keys.length === 0 || last === undefined || keys.includes(last.value.split(" ")[0])) continue;
      context.report({
        messageId: "description",
        data: { keyword: instruction.type, name: keys.length > 1 ? "<arg_key>" : keys[0] },
        node: last,
      });
    }
  },
});
