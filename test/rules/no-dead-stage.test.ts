import rule from "../../rules/no-dead-stage.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM golang:1.23 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
    { code: "FROM node:22 AS dev\nFROM node:22 AS prod\n", name: "named stages are --target candidates" },
    { code: "FROM golang:1.23\nFROM alpine:3.20 AS tools\nCOPY --from=0 /usr/local/go /go\nFROM alpine:3.20\n", name: "what a named stage needs is used" },
    { code: "FROM alpine:3.20\nRUN --mount=from=0,target=/x true\n", name: "a single stage" },
  ],
  invalid: [
    {
      code: "FROM golang:1.23\nRUN go build -o /app\nFROM alpine:3.20\nCOPY app /app\n",
      errors: [{ message: "Stage 0 (stage-0) is not needed by the target stage stage-1: BuildKit skips it, so it is dead text. Remove it, or use it (FROM, COPY --from, RUN --mount=from=).", line: 1, column: 1, endLine: 1, endColumn: 5, aliases: [] }],
    },
    {
      name: "named stages too, when only the last stage is built",
      code: "FROM node:22 AS dev\nFROM node:22 AS prod\n",
      options: { namedStagesAreTargets: false },
      errors: [{ message: "Stage dev is not needed by the target stage prod: BuildKit skips it, so it is dead text. Remove it, or use it (FROM, COPY --from, RUN --mount=from=).", line: 1, column: 1, endColumn: 5 }],
    },
    {
      name: "an unnamed stage next to named ones",
      code: "FROM alpine:3.20 AS base\nFROM golang:1.23\nFROM base\n",
      errors: [{ message: "Stage 1 (stage-1) is not needed by the target stage stage-2 or any named stage: BuildKit skips it, so it is dead text. Remove it, or use it (FROM, COPY --from, RUN --mount=from=).", line: 2, column: 1, endColumn: 5 }],
    },
  ],
});
