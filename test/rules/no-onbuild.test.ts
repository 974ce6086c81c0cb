import rule from "../../rules/no-onbuild.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM node:22\nWORKDIR /app\n", { code: "FROM alpine:3.20\nONBUILD FROM alpine\n", name: "invalid triggers are no-invalid-onbuild-trigger's" }],
  invalid: [
    {
      code: "FROM node:22\nONBUILD COPY package.json /app/\nonbuild run npm ci\n",
      errors: [
        { message: "ONBUILD COPY does nothing in this image: it runs later, at the start of every build that uses this image (or stage) as its base, where the Dockerfile does not show it.", line: 2, column: 1, endLine: 2, endColumn: 8, aliases: [] },
        { message: "ONBUILD RUN does nothing in this image: it runs later, at the start of every build that uses this image (or stage) as its base, where the Dockerfile does not show it.", line: 3, column: 1, endColumn: 8 },
      ],
    },
  ],
});
