import rule from "../../rules/from-as-casing.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM golang:1.22 AS build\n",
    { code: "from golang:1.22 as build\n", name: "both lowercase" },
    { code: "From golang:1.22 as build\n", name: "mixed-case FROM is left to consistent-instruction-casing" },
    { code: "FROM golang:1.22\n", name: "no AS" },
  ],
  invalid: [
    {
      code: "FROM golang:1.22 as build\n",
      output: "FROM golang:1.22 AS build\n",
      errors: [{ message: "'as' and 'FROM' keywords' casing do not match: write 'AS'.", line: 1, column: 18, endColumn: 20, aliases: ["FromAsCasing"] }],
    },
    {
      code: "from golang:1.22 As build\n",
      output: "from golang:1.22 as build\n",
      errors: [{ messageId: "casing", line: 1, column: 18, endColumn: 20 }],
    },
  ],
});
