import rule from "../../rules/no-invalid-onbuild-trigger.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM alpine:3.20\nONBUILD COPY --chown=app . /app\n", { code: "FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/root/.cache true\n", name: "flags of the trigger" }],
  invalid: [
    {
      code: "FROM alpine:3.20\nONBUILD ONBUILD RUN echo hi\n",
      errors: [{ message: "Invalid ONBUILD trigger: chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed, so the build fails.", line: 2, column: 9, endLine: 2, endColumn: 16, aliases: ["DL3043"] }],
    },
    {
      name: "FROM and MAINTAINER",
      code: "FROM alpine:3.20\nONBUILD FROM alpine:3.20\nonbuild maintainer jane\n",
      errors: [
        { message: "Invalid ONBUILD trigger: FROM isn't allowed as an ONBUILD trigger, so the build fails.", line: 2, column: 9, endColumn: 13 },
        { message: "Invalid ONBUILD trigger: MAINTAINER isn't allowed as an ONBUILD trigger, so the build fails.", line: 3, column: 9, endColumn: 19 },
      ],
    },
    {
      name: "a flag on ONBUILD itself",
      code: "FROM alpine:3.20\nONBUILD --chown=app COPY . /app\n",
      errors: [{ message: "ONBUILD takes no flags ('--chown=app'): the build fails. Put flags after the trigger's keyword (ONBUILD RUN --mount=…).", line: 2, column: 9, endColumn: 20, aliases: [] }],
    },
  ],
});
