import type { Flag, Range, SourceMap } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import type { TextEdit } from "../src/engine/types.js";

/** The range of `word`'s value in the source, when the source spells it exactly (no quotes, escapes or line breaks). */
function literalRange(source: string, word: { readonly range: Range; readonly value: string; readonly map?: SourceMap }): Range | undefined {
  return word.map === undefined && source.slice(word.range[0], word.range[1]) === word.value ? word.range : undefined;
}

/** The range of the value of `from=<name>` in a `--mount` flag, when the source spells it literally. */
function mountFromRange(source: string, flag: Flag, name: string): Range | undefined | null {
  const value = flag.value;
  if (value === undefined) return null;
  const fields = value.value.split(",");
  let offset = 0;
  for (const field of fields) {
    const eq = field.indexOf("=");
    if (eq > 0 && field.slice(0, eq).trim().toLowerCase() === "from" && field.slice(eq + 1).toLowerCase() === name) {
      const range = literalRange(source, value);
      return range === undefined ? undefined : [range[0] + offset + eq + 1, range[0] + offset + field.length];
    }
    offset += field.length + 1;
  }
  return null;
}

export default defineRule({
  meta: {
    id: "stage-name-casing",
    description: "Enforce lowercase stage names",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ["StageNameCasing"],
    messages: {
      casing: "Stage name '{{name}}' should be lowercase: BuildKit lowercases it, so `FROM {{name}}` would not find the stage.",
    },
    docs: {
      why: "BuildKit lowercases stage names. `COPY --from` and `RUN --mount from=` look names up case-insensitively, but `FROM <stage>` compares exactly, so `FROM Build` after `AS Build` is read as an image named `Build` and fails. Writing stage names in lowercase avoids the trap.",
      bad: ["FROM golang:1.22 AS Build\nRUN go build -o /app\nFROM alpine\nCOPY --from=Build /app /app\n"],
      good: ["FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine\nCOPY --from=build /app /app\n"],
      notes: "The fix renames the definition and every reference to it: later `FROM` lines, `COPY --from` and `RUN --mount from=` (also inside ONBUILD). When a reference is written with quotes or escapes, no fix is offered.",
      references: ["https://docs.docker.com/go/dockerfile/rule/stage-name-casing/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model, source } = context;
    for (const stage of model.stages) {
      const word = stage.nameWord;
      if (word === undefined || stage.name === undefined || word.value === stage.name) continue;
      const name = stage.name;
      const edits: TextEdit[] = [];
      let fixable = true;
      const rename = (range: Range | undefined): void => {
        if (range === undefined) fixable = false;
        else edits.push({ range, text: name });
      };
      rename(literalRange(source, word));
      for (const instruction of context.ast.instructions) {
        if (instruction.type === "FROM" && instruction.range[0] > stage.from.range[0] && instruction.image?.value.toLowerCase() === name) {
          rename(literalRange(source, instruction.image));
        }
        const inner = instruction.type === "ONBUILD" ? instruction.trigger : instruction;
        for (const flag of inner?.flags ?? []) {
          if (inner?.type === "COPY" && flag.name.value === "from" && flag.value?.value.toLowerCase() === name) rename(literalRange(source, flag.value));
          if (inner?.type === "RUN" && flag.name.value === "mount") {
            const range = mountFromRange(source, flag, name);
            if (range !== null) rename(range);
          }
        }
      }
      const unique = edits.filter((e, i) => edits.findIndex((o) => o.range[0] === e.range[0]) === i && source.slice(e.range[0], e.range[1]) !== name);
      context.report({ messageId: "casing", data: { name: word.value }, node: word, fix: fixable ? { edits: unique } : undefined });
    }
  },
});
