import rule from "../../rules/copy-destination-slash.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:22\nCOPY a b /app/\n",
    { code: "FROM node:22\nCOPY a /app\n", name: "one source" },
    { code: "FROM node:22\nWORKDIR /app\nCOPY a b .\n", name: "dot is a directory" },
    { code: "FROM node:22\nARG D\nCOPY a b $D\n", name: "unknown destination" },
    { code: "FROM node:22\nENV D=/app/\nCOPY a b $D\n", name: "a variable ending in /" },
  ],
  invalid: [
    {
      code: "FROM node:22\nCOPY package.json package-lock.json /app\n",
      output: "FROM node:22\nCOPY package.json package-lock.json /app/\n",
      errors: [{ message: "`COPY` with 2 sources needs a directory destination ending in /: write /app/.", line: 2, column: 37, endColumn: 41, aliases: ["DL3021", "DS-0011"] }],
    },
    {
      name: "JSON form",
      code: "FROM node:22\nCOPY [\"a\", \"b\", \"/app\"]\n",
      output: "FROM node:22\nCOPY [\"a\", \"b\", \"/app/\"]\n",
      errors: [{ messageId: "slash", line: 2, column: 17 }],
    },
    {
      name: "ADD, here-documents count, no alias",
      code: "FROM node:22\nADD <<EOF a /app\nx\nEOF\n",
      output: "FROM node:22\nADD <<EOF a /app/\nx\nEOF\n",
      errors: [{ messageId: "slash", line: 2, column: 13, endColumn: 17, aliases: [] }],
    },
    {
      name: "no fix for a variable",
      code: "FROM node:22\nENV D=/app\nCOPY a b $D\n",
      errors: [{ message: "`COPY` with 2 sources needs a directory destination ending in /: write $D/.", line: 3, column: 10, endColumn: 12 }],
    },
  ],
});
