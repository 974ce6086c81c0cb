import rule from "../../rules/no-privileged-run.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN --security=sandbox make\n",
    { code: "FROM debian\nRUN echo --privileged && docker build --privileged-ish .\n", name: "the word elsewhere" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN --security=insecure make\n",
      errors: [{ messageId: "insecure", line: 2, column: 5, endColumn: 24, aliases: [] }],
    },
    {
      code: "FROM docker:dind\nRUN docker run --rm --privileged alpine true\n",
      errors: [{ message: "`docker run --privileged` inside a build starts a container with full access to the host's devices. Find a way that works unprivileged.", line: 2, column: 21, endColumn: 33 }],
    },
  ],
});
