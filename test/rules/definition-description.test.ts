import rule from "../../rules/definition-description.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "# build compiles the binary\nFROM golang AS build\n",
    { code: "FROM golang AS build\n", name: "no comment" },
    { code: "# Compiles it\n#\nFROM golang AS build\n", name: "an empty # separates" },
    { code: "# Compiles it\nFROM golang\n", name: "unnamed stage" },
    { code: "FROM alpine\n# B the second\nARG A B\n", name: "any of the ARG's names" },
    { code: "# syntax=docker/dockerfile:1\nFROM golang AS build\n", name: "directives are not comments" },
  ],
  invalid: [
    {
      code: "# Compiles the binary\nFROM golang AS build\n",
      errors: [{ message: "Comment for FROM should follow the format: `# build <description>`.", line: 1, column: 1, endColumn: 22, aliases: ["InvalidDefinitionDescription"] }],
    },
    {
      name: "blank lines do not separate; the last comment line counts",
      code: "FROM alpine\n# VERSION to install\n# see the docs\n\nARG VERSION A\n",
      errors: [{ message: "Comment for ARG should follow the format: `# <arg_key> <description>`.", line: 3, column: 1 }],
    },
  ],
});
