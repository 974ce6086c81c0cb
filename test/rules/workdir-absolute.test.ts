import rule from "../../rules/workdir-absolute.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:22\nWORKDIR /app\n",
    { code: "FROM node:22\nARG DIR=/srv/app\nWORKDIR $DIR\n", name: "a variable with an absolute value" },
    { code: "FROM node:22\nARG DIR\nWORKDIR $DIR\n", name: "an unknown value" },
    { code: "FROM node:22\nWORKDIR $HOME/app\n", name: "a base-image variable" },
    { code: "# escape=`\nFROM mcr.microsoft.com/windows/servercore\nWORKDIR C:\\app\n", name: "Windows drive path" },
    { code: "FROM node:22\nWORKDIR \"/my app\"\n", name: "quoted absolute path" },
  ],
  invalid: [
    {
      code: "FROM node:22\nWORKDIR app\n",
      errors: [{ message: "Relative WORKDIR app depends on the base image's working directory, which can change: use an absolute path.", line: 2, column: 9, endColumn: 12, aliases: ["DL3000", "WorkdirRelativePath", "DS-0009", "CKV_DOCKER_10"] }],
    },
    {
      name: "after an absolute WORKDIR: hadolint's finding, with the joined path as fix",
      code: "FROM node:22\nWORKDIR /srv\nWORKDIR app/../web\n",
      output: "FROM node:22\nWORKDIR /srv\nWORKDIR /srv/web\n",
      errors: [{ message: "Relative WORKDIR app/../web is relative to the previous WORKDIR: write the absolute path /srv/web.", line: 3, column: 9, endColumn: 19, aliases: ["DL3000", "DS-0009", "CKV_DOCKER_10"] }],
    },
    {
      name: "the previous WORKDIR is in the parent stage",
      code: "FROM node:22 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n",
      output: "FROM node:22 AS base\nWORKDIR /app\nFROM base\nWORKDIR /app/src\n",
      errors: [{ messageId: "relative", line: 4, column: 9 }],
    },
    {
      name: "no fix when the previous path has a variable",
      code: "FROM node:22\nARG ROOT=/srv\nWORKDIR $ROOT\nWORKDIR app\n",
      errors: [{ message: "Relative WORKDIR app is relative to the previous WORKDIR: write the absolute path.", line: 4, column: 9 }],
    },
    {
      name: "on scratch the working directory is /",
      code: "FROM scratch\nWORKDIR data\n",
      output: "FROM scratch\nWORKDIR /data\n",
      errors: [{ messageId: "firstRelative", line: 2, column: 9, aliases: ["DL3000", "WorkdirRelativePath", "DS-0009", "CKV_DOCKER_10"] }],
    },
    {
      name: "an unrelated stage's WORKDIR does not count",
      code: "FROM node:22 AS a\nWORKDIR /app\nFROM node:22\nWORKDIR app\n",
      errors: [{ messageId: "firstRelative", line: 4, column: 9 }],
    },
  ],
});
