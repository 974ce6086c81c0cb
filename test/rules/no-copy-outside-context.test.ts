import rule from "../../rules/no-copy-outside-context.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine:3.20\nCOPY shared/config.yml /etc/app/\n",
    { code: "FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /etc/app.conf /etc/\n", name: "paths of another stage" },
    { code: "FROM alpine:3.20\nCOPY src/../config.yml /etc/app/\n", name: "dot-dot that stays inside" },
    { code: "FROM alpine:3.20\nADD https://example.com/a.tar.gz /tmp/\n", name: "a URL" },
    { code: "FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhi\nEOF\n", name: "a heredoc" },
    { code: "FROM alpine:3.20\nARG SRC\nCOPY ${SRC} /src/\n", name: "a source of unknown value" },
    { code: "FROM alpine:3.20\nCOPY /root /\nADD /.patches/fix.patch /tmp/\n", name: "corpus: absolute sources read from the context root" },
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nCOPY ../shared/config.yml /etc/app/\n",
      errors: [{ message: "Source '../shared/config.yml' points outside the build context: BuildKit cannot read outside it and resolves the path from the context root ('shared/config.yml'), so this copies something else or fails. Move the file into the context, or build from a parent folder.", line: 2, column: 6, endLine: 2, endColumn: 26, aliases: [] }],
    },
    {
      name: "through a variable, and in JSON form",
      code: "FROM alpine:3.20\nENV UP=..\nCOPY [\"${UP}/lib\", \"/lib/\"]\n",
      errors: [{ messageId: "parent", line: 3, column: 7, endColumn: 18 }],
    },
    {
      name: "Windows separators in a Windows stage",
      code: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY ..\\tools C:\\tools\n",
      errors: [{ messageId: "parent", line: 3, column: 6, endColumn: 14 }],
    },
  ],
});
