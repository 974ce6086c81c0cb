import rule from "../../rules/prefer-workdir.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nWORKDIR /app\nRUN make\n",
    { code: "FROM debian\nRUN curl -fsSLO https://x/s.tgz && tar xzf s.tgz && cd s && make install\n", name: "cd in the middle of a RUN" },
    { code: "FROM debian\nRUN cd /tmp && make && cd / && rm -rf /tmp/*\n", name: "cd back at the end" },
    { code: "FROM debian\nRUN cd \"$(mktemp -d)\" && make\n", name: "a temporary directory" },
    { code: "FROM debian\nRUN (cd /src && make) && make -C /other\n", name: "in a subshell" },
    { code: "FROM debian\nRUN if true; then cd /x; fi\n", name: "in a condition body" },
    { code: "FROM debian\nRUN cd\n", name: "cd without a directory" },
    { code: "FROM debian\nRUN cd /tmp && curl -fsSLO https://x/s.tgz && tar xzf s.tgz\n", name: "a scratch directory under /tmp" },
    { code: "FROM debian\nRUN cd /opt/build/src && make install && rm -rf /opt/build\n", name: "a directory the RUN removes" },
  ],
  invalid: [
    {
      code: "FROM node\nRUN cd /app && npm ci\n",
      errors: [{ message: "Use WORKDIR /app instead of starting the RUN with cd: WORKDIR creates the directory, documents it, and applies to the instructions that follow.", line: 2, column: 5, endColumn: 7, aliases: ["DL3003", "DS-0013"] }],
    },
    {
      name: "after set",
      code: "FROM node\nRUN set -eux; cd /app; npm ci\n",
      errors: [{ messageId: "workdir", line: 2, column: 15, endColumn: 17 }],
    },
    {
      name: "in a heredoc",
      code: "FROM node\nRUN <<EOF\ncd /app\nnpm ci\nEOF\n",
      errors: [{ messageId: "workdir", line: 3, column: 1, endColumn: 3 }],
    },
  ],
});
