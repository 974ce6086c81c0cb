import type { Node } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
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
    const { model } = context;
    const declared = model.globals.variables.map((v) => v.name);
    const lookup = { get: (name: string) => model.globals.get(name) };
    const check = (word: (Node & { readonly value: string }) | undefined): void => {
      if (word === undefined || !word.value.includes("$")) return;
      const expansion = expandText(word.value, lookup, model.ast.escapeChar, "word");
      for (const name of new Set(expansion.unresolved)) {
        if (model.globals.variable(name) !== undefined) continue;
        const suggestion = nearest(name, declared);
        context.report({ messageId: "undefined", data: { name, hint: suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)` }, node: word });
      }
    };
    for (const stage of model.stages) {
      check(stage.from.image);
      check(stage.from.platform?.value);
    }
  },
});
