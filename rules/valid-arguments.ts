import type { Instruction, Node, Range } from "../src/ast/nodes.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { withTriggers } from "./_support/instructions.js";

/** A heredoc word as BuildKit's `MustParseHeredoc` reads a COPY/ADD destination. */
const HEREDOC_WORD = /^\d*<<-?[^<\s]+$/;

type Problem = { messageId: string; data?: Record<string, string>; node?: Node; range?: Range };

const NONE: Problem[] = [];

/** `problems` with `problem` added: a new list the first time, so that no list is made for instructions without problems. */
function push(problems: Problem[], problem: Problem): Problem[] {
  if (problems === NONE) return [problem];
  problems.push(problem);
  return problems;
}

function span(first: Node, last: Node): Range {
  return [first.range[0], last.range[1]];
}

/**
 * The argument problems BuildKit's instruction layer reports for one instruction (SHELL and
 * HEALTHCHECK forms have their own rules). Instructions the parser already rejected are skipped.
 */
function problems(instruction: Instruction): Problem[] {
  const type = instruction.type;
  const at = instruction.keyword;
  let found = NONE;
  switch (type) {
    case "FROM": {
      const args = instruction.args;
      if (args.length === 1 || (args.length === 3 && args[1].value.toLowerCase() === "as")) return NONE;
      const range = args.length === 0 ? at.range : args.length === 3 ? args[1].range : span(args[1], args[args.length - 1]);
      return [{ messageId: "fromArity", range }];
    }
    case "ADD":
    case "COPY": {
      if (instruction.destination === undefined) {
        return [{ messageId: "noDestination", data: { keyword: type }, node: instruction.sources[0] ?? at }];
      }
      const destination = instruction.destination.value;
      return destination.includes("<<") && HEREDOC_WORD.test(destination)
        ? [{ messageId: "heredocDestination", data: { keyword: type }, node: instruction.destination }]
        : NONE;
    }
    case "ENV":
    case "LABEL":
      if (instruction.pairs.length === 0) return [{ messageId: "atLeastOne", data: { keyword: type }, node: at }];
      for (const pair of instruction.pairs) if (pair.key.value === "") found = push(found, { messageId: "blankName", data: { keyword: type }, node: pair });
      return found;
    case "ARG":
      if (instruction.declarations.length === 0) return [{ messageId: "atLeastOne", data: { keyword: type }, node: at }];
      for (const declaration of instruction.declarations) if (declaration.name.value === "") found = push(found, { messageId: "blankName", data: { keyword: type }, node: declaration });
      return found;
    case "EXPOSE":
      return instruction.ports.length === 0 ? [{ messageId: "atLeastOne", data: { keyword: type }, node: at }] : NONE;
    case "VOLUME":
      if (instruction.paths.length === 0) return [{ messageId: "atLeastOne", data: { keyword: type }, node: at }];
      for (const path of instruction.paths) if (path.value.trim() === "") found = push(found, { messageId: "emptyVolume", node: path });
      return found;
    case "ONBUILD":
      return instruction.trigger === undefined ? [{ messageId: "atLeastOne", data: { keyword: type }, node: at }] : NONE;
    case "HEALTHCHECK":
      return instruction.kind === undefined ? [{ messageId: "atLeastOne", data: { keyword: type }, node: at }] : NONE;
    case "USER":
    case "WORKDIR":
    case "MAINTAINER":
    case "STOPSIGNAL":
      return instruction.value === undefined ? [{ messageId: "exactlyOne", data: { keyword: type }, node: at }] : NONE;
    default:
      return NONE;
  }
}

function parseErrorIn(context: RuleContext, range: Range): boolean {
  return context.model.parseDiagnostics.some((d) => d.severity === "error" && d.range[0] < range[1] && d.range[1] > range[0]);
}

export default defineRule({
  meta: {
    id: "valid-arguments",
    description: "Disallow instructions with missing, extra or blank arguments BuildKit rejects",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: [],
    messages: {
      fromArity: "FROM takes an image, optionally followed by AS and a stage name (BuildKit: \"FROM requires either one or three arguments\").",
      noDestination: "`{{keyword}}` needs at least one source and a destination (BuildKit: \"{{keyword}} requires at least two arguments, but only one was provided. Destination could not be determined\").",
      heredocDestination: "`{{keyword}}` cannot take a here-document as its destination.",
      atLeastOne: "`{{keyword}}` requires at least one argument.",
      exactlyOne: "`{{keyword}}` requires exactly one argument.",
      blankName: "`{{keyword}}` names can not be blank.",
      emptyVolume: "`VOLUME` specified can not be an empty string.",
    },
    docs: {
      why: "BuildKit's instruction layer checks the shape of every instruction before it builds anything: FROM takes one argument or three (`image AS name`), COPY and ADD need a source and a destination, most other instructions need at least one argument, names of ENV, LABEL and ARG cannot be blank and VOLUME paths cannot be empty. Any of these stops the build with a parse error.",
      bad: ["FROM alpine base\n", "FROM alpine\nCOPY app.js\n", "FROM alpine\nENV =production\n", "FROM alpine\nWORKDIR\n", "FROM alpine\nVOLUME [\"\"]\n"],
      good: ["FROM alpine AS base\nCOPY app.js /app/\nENV NODE_ENV=production\nWORKDIR /app\nVOLUME [\"/data\"]\n"],
      notes: "Messages follow BuildKit's wording. SHELL and HEALTHCHECK forms are checked by `shell-json-form` and `valid-healthcheck`, flags by `valid-flags`, ENV/LABEL syntax errors (`ENV a`, `ENV a=b c`) are parse errors. ONBUILD triggers are checked as the downstream build will check them.",
      references: ["https://docs.docker.com/reference/dockerfile/"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of withTriggers(context.model)) {
      const found = problems(instruction);
      if (found.length === 0 || parseErrorIn(context, instruction.range)) continue;
      for (const problem of found) context.report(problem);
    }
  },
});
