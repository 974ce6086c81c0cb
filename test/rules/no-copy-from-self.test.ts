import rule from "../../rules/no-copy-from-self.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:22 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
    { code: "FROM alpine:3.20\nCOPY --from=alpine:3.20 /etc/os-release /\n", name: "an image with the base's name" },
  ],
  invalid: [
    {
      code: "FROM node:22 AS build\nCOPY --from=build /app/dist /dist\n",
      errors: [{ message: "'build' is the stage this instruction is in: a stage cannot copy or mount from itself, so the build fails. Copy within the stage with RUN cp, or name another stage.", line: 2, column: 13, endLine: 2, endColumn: 18, aliases: ["DL3023", "DS-0006"] }],
    },
    {
      name: "by index",
      code: "FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=1 /x /x\n",
      errors: [{ messageId: "self", line: 3, column: 13, endColumn: 14, aliases: ["DL3023", "DS-0006"] }],
    },
    {
      name: "a mount, without the COPY aliases",
      code: "FROM golang:1.23 AS build\nRUN --mount=from=build,target=/src go build\n",
      errors: [{ messageId: "self", line: 2, column: 13, endColumn: 35, aliases: [] }],
    },
  ],
});
