import { describe, expect, it } from "vitest";
import rule, { singleQuotedJson } from "../../rules/no-single-quoted-json.js";
import { testRule } from "../support/rule-tester.js";

describe("singleQuotedJson", () => {
  it("rewrites single-quoted arrays", () => {
    expect(singleQuotedJson("['a', \"b\"]")).toBe('["a", "b"]');
    expect(singleQuotedJson("['say \"hi\"', 'it\\'s']")).toBe('["say \\"hi\\"", "it\'s"]');
    expect(singleQuotedJson("[]")).toBeUndefined();
    expect(singleQuotedJson("[\"a\"]")).toBeUndefined();
    expect(singleQuotedJson("['a'] extra")).toBeUndefined();
    expect(singleQuotedJson("echo ['a']")).toBeUndefined();
  });
});

testRule(rule, {
  valid: [
    "FROM node:22\nCMD [\"node\", \"server.js\"]\n",
    { code: "FROM alpine\nRUN echo '[a]'\n", name: "shell text with brackets" },
    { code: "FROM alpine\nUSER ['a']\n", name: "USER has no JSON form" },
  ],
  invalid: [
    {
      code: "FROM node:22\nCMD ['node', 'server.js']\n",
      output: "FROM node:22\nCMD [\"node\", \"server.js\"]\n",
      errors: [{ messageId: "singleQuotes", line: 2, column: 5, endColumn: 26 }],
    },
    {
      name: "VOLUME, COPY, HEALTHCHECK and ONBUILD",
      code: "FROM alpine\nVOLUME ['/data']\nCOPY ['a', '/b/']\nHEALTHCHECK CMD ['/check']\nONBUILD RUN ['make']\n",
      output: "FROM alpine\nVOLUME [\"/data\"]\nCOPY [\"a\", \"/b/\"]\nHEALTHCHECK CMD [\"/check\"]\nONBUILD RUN [\"make\"]\n",
      errors: [
        { messageId: "singleQuotes", line: 2, column: 8, endColumn: 17 },
        { messageId: "singleQuotes", line: 3, column: 6, endColumn: 18 },
        { messageId: "singleQuotes", line: 4, column: 17, endColumn: 27 },
        { messageId: "singleQuotes", line: 5, column: 13, endColumn: 21 },
      ],
    },
  ],
});
