import rule from "../../rules/require-healthcheck.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM nginx:1.27\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1\n",
    { code: "FROM node:22 AS base\nHEALTHCHECK CMD node healthcheck.js\nFROM base\nCOPY . /app\n", name: "inherited from the stage the image is built FROM" },
    { code: "FROM golang:1.23 AS build\nFROM alpine:3.20\nHEALTHCHECK NONE\n", name: "HEALTHCHECK NONE is a deliberate choice" },
    { code: "FROM alpine:3.20 AS base\nONBUILD HEALTHCHECK CMD true\nFROM base\n", name: "an inherited ONBUILD trigger" },
    { code: "# hadolint ignore=DL3057\nFROM alpine:3.20\n", name: "hadolint pragma" },
  ],
  invalid: [
    {
      code: "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n",
      errors: [{ message: "The image built by stage stage-0 has no HEALTHCHECK: Docker and Swarm cannot tell a hung service from a healthy one. Add `HEALTHCHECK CMD …`, or `HEALTHCHECK NONE` to say it is deliberate.", line: 1, column: 1, endLine: 1, endColumn: 5, aliases: ["DL3057", "DS-0026", "CKV_DOCKER_2"] }],
    },
    {
      name: "a HEALTHCHECK in a build stage does not reach the image",
      code: "FROM golang:1.23 AS build\nHEALTHCHECK CMD true\nFROM alpine:3.20 AS app\nCOPY --from=build /app /app\n",
      errors: [{ messageId: "missing", line: 3, column: 1, endColumn: 5 }],
    },
  ],
});
