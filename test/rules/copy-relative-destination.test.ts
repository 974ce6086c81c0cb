import rule from "../../rules/copy-relative-destination.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:22\nWORKDIR /app\nCOPY package.json .\n",
    { code: "FROM node:22\nCOPY package.json /app/\n", name: "absolute destination" },
    { code: "FROM node:22 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n", name: "WORKDIR in the parent stage" },
    { code: "FROM scratch\nCOPY app .\n", name: "scratch starts in /" },
    { code: "FROM node:22\nARG DEST\nCOPY a $DEST\n", name: "unknown destination" },
    { code: "FROM node:22\nENV DEST=/app\nCOPY a $DEST\n", name: "a variable with an absolute value" },
    { code: "# escape=`\nFROM mcr.microsoft.com/windows/servercore\nCOPY a C:\\app\\\n", name: "Windows absolute destination" },
  ],
  invalid: [
    {
      code: "FROM node:22\nCOPY package.json .\n",
      errors: [{ message: "`COPY` to the relative destination . without a WORKDIR: the files land in the base image's working directory, which can change.", line: 2, column: 19, endColumn: 20, aliases: ["DL3045"] }],
    },
    {
      name: "ADD carries no alias; the WORKDIR of an unrelated stage does not count",
      code: "FROM node:22 AS other\nWORKDIR /app\nFROM python:3.12\nADD app/ app/\n",
      errors: [{ messageId: "relative", line: 4, column: 10, endColumn: 14, aliases: [] }],
    },
    {
      name: "a WORKDIR after the COPY does not help",
      code: "FROM node:22\nCOPY a b\nWORKDIR /app\n",
      errors: [{ messageId: "relative", line: 2, column: 8, endColumn: 9 }],
    },
  ],
});
