import rule from "../../rules/prefer-copy-chown.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:20\nWORKDIR /app\nCOPY --chown=node:node . .\n",
    { name: "files a RUN made", code: "FROM debian:12\nRUN mkdir /data && chown app /data\n" },
    { name: "one file inside a copied folder", code: "FROM node:20\nCOPY . /app\nRUN chmod +x /app/start.sh\n" },
    { name: "a folder holding the copy, without -R", code: "FROM node:20\nCOPY . /app/src\nRUN chown node /app\n" },
    { name: "a build stage the target only copies from", code: "FROM debian:12 AS build\nCOPY tool /usr/local/bin/tool\nRUN chmod +x /usr/local/bin/tool\nFROM scratch\nCOPY --from=build /usr/local/bin/tool /tool\n" },
    { name: "a copied folder's own mode, without -R (corpus: conda)", code: "FROM debian:12\nCOPY --from=upstream /opt/conda /opt/conda\nRUN chmod =2775 /opt/conda\n" },
    { name: "chmod before the COPY", code: "FROM debian:12\nRUN chmod 755 /usr/local/bin/run.sh\nCOPY run.sh /usr/local/bin/run.sh\n" },
  ],
  invalid: [
    {
      name: "recursive chown of a copied folder",
      code: "FROM node:20\nWORKDIR /app\nCOPY package.json .\nCOPY . .\nRUN chown -R node:node /app\n",
      errors: [
        {
          message: "`chown` in the RUN at line 5 stores the files COPY added at lines 3, 4 again in a new layer (the whole build context): use `COPY --chown=node:node` instead.",
          line: 5,
          column: 24,
          endColumn: 28,
          aliases: [],
        },
      ],
    },
    {
      name: "chmod of a copied file, relative to WORKDIR",
      code: "FROM debian:12\nWORKDIR /opt\nADD run.sh ./\nRUN chmod 0755 run.sh\n",
      errors: [{ message: "`chmod` in the RUN at line 4 stores the files ADD added at line 3 again in a new layer (a single script): use `ADD --chmod=0755` instead.", line: 4, column: 16, endColumn: 22 }],
    },
    {
      name: "a symbolic mode, in the stage built FROM",
      code: "FROM debian:12 AS base\nCOPY entrypoint /entrypoint\nFROM base\nRUN chmod +x /entrypoint\n",
      errors: [{ message: "`chmod` in the RUN at line 4 stores the files COPY added at line 2 again in a new layer (a single file): use `COPY --chmod=<octal mode, e.g. 755>` instead.", line: 4, column: 14, endColumn: 25 }],
    },
    {
      name: "a glob over copied files",
      code: "FROM debian:12\nCOPY scripts/*.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/*.sh\n",
      errors: [{ messageId: "changeAfterCopy", line: 3, column: 14, endColumn: 33 }],
    },
    {
      name: "ONBUILD triggers",
      code: "FROM node:20\nONBUILD COPY . /app\nONBUILD RUN chown -R node /app\n",
      errors: [{ messageId: "changeAfterCopy", line: 3, column: 27, endColumn: 31 }],
    },
  ],
});
