import rule from "../../rules/valid-arguments.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine AS base\nCOPY a b /dst/\nENV A=1\nLABEL a=b\nARG X\nEXPOSE 80\nVOLUME /data\nUSER app\nWORKDIR /app\nSTOPSIGNAL SIGTERM\nHEALTHCHECK NONE\nONBUILD RUN x\n",
    { code: "FROM alpine as base\n", name: "AS in any case" },
    { code: "FROM alpine\nRUN\nCMD\nENTRYPOINT\n", name: "RUN, CMD and ENTRYPOINT may be empty" },
    { code: "FROM alpine\nENV a\n", name: "ENV syntax errors are parse errors" },
    { code: "FROM alpine\nCOPY <<EOF /app/conf\nx\nEOF\n", name: "a here-document source" },
    { code: "FROM alpine\nMAINTAINER a b c\n", name: "one argument: the rest of the line" },
  ],
  invalid: [
    {
      code: "FROM alpine base\n",
      errors: [{ messageId: "fromArity", line: 1, column: 13, endColumn: 17 }],
    },
    {
      name: "three arguments without AS",
      code: "FROM alpine FROM base\n",
      errors: [{ messageId: "fromArity", line: 1, column: 13, endColumn: 17 }],
    },
    {
      name: "FROM with a flag but no image",
      code: "FROM --platform=linux/amd64\n",
      errors: [{ messageId: "fromArity", line: 1, column: 1, endColumn: 5 }],
    },
    {
      name: "four arguments",
      code: "FROM a AS b c\n",
      errors: [{ messageId: "fromArity", line: 1, column: 8, endColumn: 14 }],
    },
    {
      code: "FROM alpine\nCOPY app.js\nADD\n",
      errors: [
        { message: "`COPY` needs at least one source and a destination (BuildKit: \"COPY requires at least two arguments, but only one was provided. Destination could not be determined\").", line: 2, column: 6, endColumn: 12 },
        { messageId: "noDestination", line: 3, column: 1, endColumn: 4 },
      ],
    },
    {
      name: "a here-document as destination",
      code: "FROM alpine\nCOPY /foo <<EOF\nx\nEOF\n",
      errors: [{ messageId: "heredocDestination", line: 2, column: 11, endColumn: 16 }],
    },
    {
      name: "blank names",
      code: "FROM alpine\nENV =production\nARG =1\nLABEL a=b =c\n",
      errors: [
        { message: "`ENV` names can not be blank.", line: 2, column: 5, endColumn: 16 },
        { message: "`ARG` names can not be blank.", line: 3, column: 5, endColumn: 7 },
        { message: "`LABEL` names can not be blank.", line: 4, column: 11, endColumn: 13 },
      ],
    },
    {
      name: "instructions that need an argument",
      code: "FROM alpine\nENV\nLABEL\nARG\nEXPOSE\nVOLUME\nONBUILD\nHEALTHCHECK\n",
      errors: [
        { message: "`ENV` requires at least one argument.", line: 2, column: 1, endColumn: 4 },
        { message: "`LABEL` requires at least one argument.", line: 3, column: 1 },
        { message: "`ARG` requires at least one argument.", line: 4, column: 1 },
        { message: "`EXPOSE` requires at least one argument.", line: 5, column: 1 },
        { message: "`VOLUME` requires at least one argument.", line: 6, column: 1 },
        { message: "`ONBUILD` requires at least one argument.", line: 7, column: 1 },
        { message: "`HEALTHCHECK` requires at least one argument.", line: 8, column: 1, endColumn: 12 },
      ],
    },
    {
      name: "instructions that need exactly one argument",
      code: "FROM alpine\nUSER\nWORKDIR\nSTOPSIGNAL\nMAINTAINER\n",
      errors: [
        { message: "`USER` requires exactly one argument.", line: 2, column: 1, endColumn: 5 },
        { message: "`WORKDIR` requires exactly one argument.", line: 3, column: 1 },
        { message: "`STOPSIGNAL` requires exactly one argument.", line: 4, column: 1 },
        { message: "`MAINTAINER` requires exactly one argument.", line: 5, column: 1 },
      ],
    },
    {
      name: "an empty VOLUME entry",
      code: "FROM alpine\nVOLUME [\"/a\", \" \"]\n",
      errors: [{ messageId: "emptyVolume", line: 2, column: 15, endColumn: 18 }],
    },
    {
      name: "inside ONBUILD",
      code: "FROM alpine\nONBUILD COPY src\n",
      errors: [{ messageId: "noDestination", line: 2, column: 14, endColumn: 17 }],
    },
  ],
});
