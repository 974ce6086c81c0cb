import type { Node } from "../src/ast/nodes.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { nearest } from "../src/engine/suggest.js";
import { expandText } from "../src/model/index.js";

export default defineRule({
  meta: {
    id: "no-undefined-arg-in-from",
    description: "Disallow variables in FROM that no global ARG declares",
    category: "base-image",
    severity: "warning",
    fixable: "none",
    aliases: ["UndefinedArgInFrom"],
    messages: {
      undefined: "FROM uses '{{name}}', which no ARG before the first FROM declares, so no build argument can set it and it is always unset{{hint}}.",
    },
    docs: {
      why: "FROM lines only see the ARGs declared before the first FROM (and the automatic platform ARGs such as `TARGETARCH`). A variable declared inside a stage, or misspelled, expands to nothing: the base image name silently changes, or the build fails with a confusing `invalid reference format`.",
      bad: ["ARG NODE_VERSION=22\nFROM node:${NODE_VERSOIN}\n", "FROM alpine:3.20 AS base\nARG TAG=3.20\nFROM alpine:${TAG}\n"],
      good: [
        "ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\n",
        "ARG TAG\nFROM alpine:${TAG}\n",
        "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
      ],
      notes: "As BuildKit's UndefinedArgInFrom, for the image name and the `--platform` value, with a \"did you mean\" among the declared global ARGs. A global ARG without a default is declared (its value comes from `--build-arg`); see `no-invalid-default-arg-in-from` for what it expands to without one.",
      references: ["https://docs.docker.com/reference/build-checks/undefined-arg-in-from/", "https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const stage of context.model.stages) {
      const { image, platform } = stage.from;
      if (image?.value.includes("$")) check(context, image);
      if (platform?.value?.value.includes("$")) check(context, platform.value);
    }
  },
});

/** Reports the names in a FROM word (image or platform) that no global ARG declares. */
function check(context: RuleContext, word: Node & { readonly value: string }): void {
  const globals = context.model.globals;
  // Values only: a name the global scope knows to be unset is still one to report.
  const expansion = expandText(word.value, { get: (name) => globals.get(name) }, context.model.ast.escapeChar, "word");
  for (const name of new Set(expansion.unresolved)) {
    if (globals.variable(name) !== undefined) continue;
    const suggestion = nearest(name, globals.variables.map((v) => v.name));
    context.report({ messageId: "undefined", data: { name, hint: suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)` }, node: word });
  }
}
