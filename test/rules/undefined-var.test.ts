import rule from "../../rules/undefined-var.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nARG V=1\nCOPY app-$V /app/\n",
    { code: "FROM node:22\nENV PATH=/app/bin:$PATH\nWORKDIR $HOME/app\nCOPY . $NODE_PATH/x\n", name: "base-image variables on an image stage" },
    { code: "FROM alpine\nARG V\nCOPY app-$V /app/\n", name: "an ARG without value is declared" },
    { code: "FROM alpine\nCOPY app /opt/${FLAVOR:-default}/ \n", name: "a fallback" },
    { code: "FROM alpine\nRUN echo $NOPE\nCMD echo $NOPE\n", name: "RUN and CMD are the shell's" },
    { code: "ARG V=1\nFROM alpine:$V\n", name: "FROM lines are UndefinedArgInFrom's" },
    { code: "FROM alpine AS base\nARG V=1\nFROM base\nCOPY a /$V/\n", name: "inherited from the parent stage" },
    { code: "FROM alpine\nCOPY a /$MY_IMAGE_DIR/\n", name: "could come from the base image" },
    { code: "FROM scratch\nENV PATH=/bin:$PATH\n", name: "BuildKit always sets PATH, even on scratch (seen in the corpus)" },
    { code: "FROM ubuntu\nENV LD_LIBRARY_PATH=/x\nENV DYLD_LIBRARY_PATH=/y:$DYLD_LIBRARY_PATH\n", name: "an ENV extending a variable the base image may set is not a typo (seen in the corpus)" },
    { code: "FROM alpine\nARG MY_VAR=1\nCOPY a /$MY_VAR/$MY_VAX/\n", options: { knownVariables: ["MY_VAX"] }, name: "knownVariables are never reported on image stages" },
  ],
  invalid: [
    {
      code: "ARG VERSION=1.0\nFROM eclipse-temurin:21\nCOPY app-${VERSION}.jar /app/\n",
      errors: [{ message: "Usage of undefined variable '$VERSION': VERSION is declared before FROM but not in this stage; add ARG VERSION to the stage.", line: 3, column: 10, endColumn: 20, aliases: ["UndefinedVar"] }],
    },
    {
      name: "a typo",
      code: "FROM alpine\nARG APP_VERSION=1.0\nLABEL version=$APP_VERSOIN\n",
      errors: [{ message: "Usage of undefined variable '$APP_VERSOIN' (did you mean $APP_VERSION?).", line: 3, column: 15, endColumn: 27 }],
    },
    {
      name: "platform ARGs must be declared in the stage",
      code: "FROM alpine\nCOPY app /opt/$TARGETARCH/\n",
      errors: [{ message: "Usage of undefined variable '$TARGETARCH': TARGETARCH is an automatic platform ARG but not in this stage; add ARG TARGETARCH to the stage.", line: 2, column: 15, endColumn: 26 }],
    },
    {
      name: "on scratch everything unknown is reported, even common names",
      code: "FROM scratch\nCOPY a /$CUSTOM/\nWORKDIR $HOME\n",
      errors: [
        { message: "Usage of undefined variable '$CUSTOM'.", line: 2, column: 9, endColumn: 16 },
        { messageId: "undefined", line: 3, column: 9, endColumn: 14 },
      ],
    },
    {
      name: "ENV, RUN --mount, heredoc bodies",
      code: "FROM scratch\nENV A=$X\nRUN --mount=type=cache,target=$Y make\nCOPY <<EOF /f\n$Z\nEOF\n",
      errors: [
        { messageId: "undefined", line: 2, column: 7, endColumn: 9 },
        { messageId: "undefined", line: 3, column: 31, endColumn: 33 },
        { messageId: "undefined", line: 5, column: 1, endColumn: 3 },
      ],
    },
    {
      name: "without knownVariables, MY_VAX looks like a typo of MY_VAR",
      code: "FROM alpine\nARG MY_VAR=1\nCOPY a /$MY_VAR/$MY_VAX/\n",
      errors: [{ message: "Usage of undefined variable '$MY_VAX' (did you mean $MY_VAR?).", line: 3, column: 17, endColumn: 24 }],
    },
  ],
});
