import rule from "../../rules/valid-flags.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM --platform=$BUILDPLATFORM alpine\nCOPY --from=build --chown=app:app --chmod=644 --link --parents --exclude=*.md --exclude=*.txt a /b/\n",
    { code: "FROM alpine\nADD --checksum=sha256:abc --keep-git-dir=true --unpack=FALSE --link=false https://x/y /y\n", name: "ADD flags, booleans in any case" },
    { code: "FROM alpine\nRUN --mount=type=cache,target=/a --mount=type=tmpfs,target=/b --network=none --security=sandbox make\n", name: "repeated --mount" },
    { code: "FROM alpine\nHEALTHCHECK --interval=5s --timeout=3s --start-period=1s --start-interval=1s --retries=3 CMD true\n", name: "HEALTHCHECK flags" },
    { code: "FROM alpine\nSTOPSIGNAL --anything SIGTERM\nHEALTHCHECK --whatever NONE\n", name: "STOPSIGNAL and HEALTHCHECK NONE ignore flags" },
    { code: "FROM alpine\nCOPY --chown= a /a\n", name: "an empty string value" },
    { code: "FROM alpine\nCOPY -- --weird /a\n", name: "-- ends the flags" },
  ],
  invalid: [
    {
      code: "FROM alpine\nCOPY --chmood=755 run.sh /bin/\n",
      errors: [{ message: "Unknown flag --chmood for COPY (did you mean --chmod?).", line: 2, column: 6, endColumn: 18 }],
    },
    {
      name: "ADD has no --from",
      code: "FROM alpine\nADD --from=build /a /a\n",
      errors: [{ message: "Unknown flag --from for ADD.", line: 2, column: 5, endColumn: 17 }],
    },
    {
      name: "instructions without flags",
      code: "FROM alpine\nENV --foo A=1\nMAINTAINER --boo joe\n",
      errors: [
        { message: "Unknown flag --foo for ENV.", line: 2, column: 5, endColumn: 10 },
        { message: "Unknown flag --boo for MAINTAINER.", line: 3, column: 12, endColumn: 17 },
      ],
    },
    {
      name: "a repeated flag",
      code: "FROM alpine\nCOPY --from=a --from=b x y\n",
      errors: [{ messageId: "duplicate", line: 2, column: 15, endColumn: 23 }],
    },
    {
      name: "values",
      code: "FROM alpine\nCOPY --from x y\nCOPY --link= x y\nCOPY --link=yes x y\n",
      errors: [
        { message: "Flag --from needs a value: write --from=<value>.", line: 2, column: 6, endColumn: 12 },
        { message: "Flag --link needs a value: write --link=<value>.", line: 3, column: 6, endColumn: 13 },
        { message: "Flag --link takes true or false, not \"yes\".", line: 4, column: 6, endColumn: 16 },
      ],
    },
    {
      name: "flags are case-sensitive",
      code: "FROM --Platform=linux/amd64 alpine\n",
      errors: [{ message: "Unknown flag --Platform for FROM (did you mean --platform?).", line: 1, column: 6, endColumn: 28 }],
    },
    {
      name: "a trigger's flags are checked (ONBUILD's own flags are no-invalid-onbuild-trigger's)",
      code: "FROM alpine\nONBUILD --flag RUN x\nONBUILD COPY --frm=a b c\n",
      errors: [{ message: "Unknown flag --frm for COPY (did you mean --from?).", line: 3, column: 14, endColumn: 21 }],
    },
  ],
});
