import rule from "../../rules/no-copy-then-extract.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian:12\nADD app.tar.gz /opt/\n",
    { name: "a bind mount", code: "FROM debian:12\nRUN --mount=type=bind,source=app.zip,target=/tmp/app.zip unzip /tmp/app.zip -d /opt\n" },
    { name: "a stage the target only copies from", code: "FROM debian:12 AS unpack\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nFROM debian:12\nCOPY --from=unpack /opt /opt\n" },
    { name: "another archive", code: "FROM debian:12\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/b.tar.gz\n" },
    { name: "listing, not extracting", code: "FROM debian:12\nCOPY a.tar.gz /tmp/\nRUN tar -tzf /tmp/a.tar.gz\n" },
    { name: "extracted before the COPY", code: "FROM debian:12\nRUN tar -xzf /tmp/a.tar.gz\nCOPY a.tar.gz /tmp/\n" },
  ],
  invalid: [
    {
      code: "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n",
      errors: [
        {
          message: "The archive `/tmp/app.tar.gz` is extracted by the RUN at line 3 but stays in this layer: extract it with ADD (which unpacks local tar archives) or read it through `RUN --mount=type=bind,source=app.tar.gz,target=…`.",
          line: 2,
          column: 6,
          endColumn: 16,
          aliases: ["DL3010"],
        },
      ],
    },
    {
      name: "unzip by name after cd, one of several sources",
      code: "FROM debian:12\nCOPY README.md dist/app.zip /srv/\nRUN cd /srv && unzip app.zip\n",
      errors: [{ message: "The archive `/srv/app.zip` is extracted by the RUN at line 3 but stays in this layer: read it through `RUN --mount=type=bind,source=dist/app.zip,target=…`.", line: 2, column: 16, endColumn: 28 }],
    },
    {
      name: "a downloaded archive",
      code: "FROM debian:12\nADD https://example.com/tool.tgz /tmp/tool.tgz\nRUN tar -xzf /tmp/tool.tgz -C /usr/local\n",
      errors: [{ message: "The archive `/tmp/tool.tgz` is extracted by the RUN at line 3 but stays in this layer: download and extract it in the same RUN.", line: 2, column: 5, endColumn: 33 }],
    },
    {
      name: "an archive from another stage (corpus: zulip)",
      code: "FROM debian:12 AS build\nRUN tar -czf /tmp/app.tar.gz /src\nFROM debian:12\nCOPY --from=build /tmp/app.tar.gz /root/\nRUN tar -xzf /root/app.tar.gz -C /opt\n",
      errors: [{ message: "The archive `/root/app.tar.gz` is extracted by the RUN at line 5 but stays in this layer: read it through `RUN --mount=type=bind,from=build,source=/tmp/app.tar.gz,target=…`.", line: 4, column: 19, endColumn: 34 }],
    },
    {
      name: "ONBUILD triggers",
      code: "FROM debian:12\nONBUILD COPY bundle.tar /tmp/\nONBUILD RUN tar -xf /tmp/bundle.tar -C /app\n",
      errors: [{ messageId: "copiedTar", line: 2, column: 14, endColumn: 24 }],
    },
  ],
});
