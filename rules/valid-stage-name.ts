import { defineRule } from "../src/engine/rule.js";

/** BuildKit's rule for a stage name, after lower-casing. */
const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

export default defineRule({
  meta: {
    id: "valid-stage-name",
    description: "Require stage names that BuildKit accepts",
    category: "multi-stage",
    severity: "error",
    fixable: "none",
    aliases: [],
    messages: {
      invalid: "Invalid stage name '{{name}}': a name starts with a letter and has only letters, digits, '-', '_' and '.', so the build fails.",
    },
    docs: {
      why: "BuildKit rejects the whole Dockerfile when a stage name starts with a digit or contains other symbols (`invalid name for build stage`), so nothing builds until it is renamed.",
      bad: ["FROM golang:1.23 AS 1st-build\n", "FROM node:22 AS web:build\n"],
      good: ["FROM golang:1.23 AS build-1\n", "FROM node:22 AS web_build.v2\n"],
      notes: "Names are checked after lower-casing, as BuildKit does: `AS Build` is valid (and BuildKit's StageNameCasing check asks for lower case).",
      references: ["https://docs.docker.com/reference/dockerfile/#from"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const stage of context.model.stages) {
      if (stage.name === undefined || stage.nameWord === undefined || STAGE_NAME.test(stage.name)) continue;
      context.report({ messageId: "invalid", data: { name: stage.nameWord.value }, node: stage.nameWord });
    }
  },
});
