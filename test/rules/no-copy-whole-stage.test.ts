import rule from "../../rules/no-copy-whole-stage.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n",
    { code: "FROM alpine:3.20\nCOPY / /\n", name: "the build context is not a stage" },
    { code: "FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build / /rootfs/\n", name: "into a subfolder" },
  ],
  invalid: [
    {
      code: "FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build / /\n",
      errors: [{ message: "COPY --from=build / / copies the entire filesystem of 'build' into this stage: a duplicate of every file, in one layer. Copy only the paths the image needs.", line: 3, column: 19, endLine: 3, endColumn: 20, aliases: ["DL3067"] }],
    },
    {
      name: "JSON form and an image",
      code: "FROM alpine:3.20\nCOPY --from=busybox:1 [\"/\", \"/\"]\n",
      errors: [{ messageId: "whole", line: 2, column: 24, endColumn: 27 }],
    },
    {
      name: "inside ONBUILD",
      code: "FROM alpine:3.20\nONBUILD COPY --from=x:1 / /\n",
      errors: [{ messageId: "whole", line: 2, column: 25, endColumn: 26 }],
    },
  ],
});
