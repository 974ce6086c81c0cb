import rule from "../../rules/stage-name-casing.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=build /a /a\n",
    { code: "FROM golang:1.22\n", name: "unnamed stage" },
  ],
  invalid: [
    {
      code: "FROM golang:1.22 AS Build\nRUN go build\nFROM Build AS test\nFROM alpine\nCOPY --from=BUILD /app /app\nRUN --mount=type=cache,from=Build,target=/x make\nONBUILD COPY --from=Build /a /a\n",
      output: "FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM alpine\nCOPY --from=build /app /app\nRUN --mount=type=cache,from=build,target=/x make\nONBUILD COPY --from=build /a /a\n",
      errors: [{ message: "Stage name 'Build' should be lowercase: BuildKit lowercases it, so `FROM Build` would not find the stage.", line: 1, column: 21, endColumn: 26, aliases: ["StageNameCasing"] }],
    },
    {
      name: "an image with the same name before the definition is not renamed",
      code: "FROM Base\nFROM alpine AS Base\n",
      output: "FROM Base\nFROM alpine AS base\n",
      errors: [{ messageId: "casing", line: 2, column: 16, endColumn: 20 }],
    },
    {
      name: "no fix when a reference is quoted",
      code: "FROM alpine AS Base\nFROM scratch\nCOPY --from=\"Base\" / /\n",
      errors: [{ messageId: "casing", line: 1, column: 16, endColumn: 20 }],
    },
  ],
});
