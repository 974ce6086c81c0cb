import rule from "../../rules/user-numeric-uid.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nUSER 10001\n",
    { code: "FROM alpine\nUSER 10001:10001\n", name: "UID and GID" },
    { code: "FROM alpine\nUSER root\n", name: "root is no-root-user's" },
    { code: "FROM alpine\nUSER app\nUSER 1000\n", name: "only the last USER" },
    { code: "FROM alpine AS build\nUSER builder\nFROM alpine\nUSER 1000\n", name: "only the target image" },
  ],
  invalid: [
    {
      code: "FROM alpine\nUSER app\n",
      errors: [{ message: "USER app names the user: use the numeric UID so that runtimes can verify it is not root.", line: 2, column: 6, endColumn: 9, aliases: ["DL3066"] }],
    },
    {
      code: "FROM alpine\nUSER 10001:app\n",
      errors: [{ message: "USER 10001:app names the user: use the numeric UID and GID so that runtimes can verify it is not root.", line: 2, column: 6, endColumn: 15 }],
    },
  ],
});
