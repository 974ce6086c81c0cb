import type { Instruction, Range } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import { withTriggers } from "./_support/instructions.js";

/** A single- or double-quoted string with backslash escapes. */
const STRING = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
const ARRAY = new RegExp(String.raw`^\[\s*(?:(?:${STRING})\s*(?:,\s*(?:${STRING})\s*)*)?\]$`, "s");
const ITEM = new RegExp(STRING, "gs");

/** The JSON text `text` means when its single quotes are read as double quotes, or undefined when it is not such an array. */
export function singleQuotedJson(text: string): string | undefined {
  const trimmed = text.trim();
  if (!ARRAY.test(trimmed) || !/'/.test(trimmed)) return undefined;
  const json = trimmed.replace(ITEM, (item) => {
    if (item.startsWith('"')) return item;
    const inner = item.slice(1, -1).replace(/\\'/g, "'").replace(/(^|[^\\])((?:\\\\)*)"/g, '$1$2\\"');
    return `"${inner}"`;
  });
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && parsed.every((e) => typeof e === "string") ? json : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether text starting at `offset` may be a JSON array once trimmed: it starts with `[`, or with
 * a character that may be white space (left to {@link singleQuotedJson}).
 */
function mayOpenArray(source: string, offset: number): boolean {
  const c = source.charCodeAt(offset);
  return c === 0x5b || c <= 0x20 || c >= 0x80;
}

/** The part of an instruction BuildKit would have read as JSON, when it did not (as source range and text). */
function nonJsonArguments(source: string, instruction: Instruction): { range: Range; text: string } | undefined {
  switch (instruction.type) {
    case "RUN":
    case "CMD":
    case "ENTRYPOINT":
    case "SHELL":
    case "HEALTHCHECK": {
      const command = instruction.command;
      if (command?.type !== "ShellForm" || command.map !== undefined || !mayOpenArray(source, command.range[0])) return undefined;
      return { range: command.range, text: source.slice(command.range[0], command.range[1]) };
    }
    case "COPY":
    case "ADD":
    case "VOLUME": {
      const args = instruction.args;
      if (instruction.json || args.length === 0 || !mayOpenArray(source, args[0].range[0])) return undefined;
      const range: Range = [args[0].range[0], args[args.length - 1].range[1]];
      const text = source.slice(range[0], range[1]);
      return text.includes("\n") ? undefined : { range, text };
    }
    default:
      return undefined;
  }
}

export default defineRule({
  meta: {
    id: "no-single-quoted-json",
    description: "Disallow JSON-form arguments written with single quotes",
    category: "instructions",
    severity: "warning",
    fixable: "unsafe",
    aliases: [],
    messages: {
      singleQuotes: "This looks like JSON form but uses single quotes, which JSON does not allow: BuildKit reads it as shell form ({{keyword}} {{text}}).",
    },
    docs: {
      why: "JSON only knows double quotes. `CMD ['node', 'server.js']` is not valid JSON, so BuildKit silently falls back to shell form and runs `/bin/sh -c \"['node', 'server.js']\"`, which fails at run time; `VOLUME ['/data']` creates a volume literally named `['/data']`.",
      bad: ["FROM node:22\nCMD ['node', 'server.js']\n", "FROM alpine\nVOLUME ['/data']\n", "FROM alpine\nSHELL ['/bin/ash', '-c']\n"],
      good: ["FROM node:22\nCMD [\"node\", \"server.js\"]\n", "FROM alpine\nRUN echo '[a]'\n"],
      notes: "Checked for every instruction that has a JSON form: RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD, COPY, ADD and VOLUME (also inside ONBUILD). The fix rewrites the array with double quotes; it is unsafe because it changes what runs (from the broken shell form to the intended exec form).",
      references: ["https://docs.docker.com/reference/dockerfile/#shell-and-exec-form"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of withTriggers(context.model)) {
      const found = nonJsonArguments(context.source, instruction);
      const json = found === undefined ? undefined : singleQuotedJson(found.text);
      if (found === undefined || json === undefined) continue;
      context.report({
        messageId: "singleQuotes",
        data: { keyword: instruction.type, text: found.text.trim() },
        range: found.range,
        fix: { safety: "unsafe", edits: [{ range: found.range, text: json }] },
      });
    }
  },
});
