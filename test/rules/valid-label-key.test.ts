import rule from "../../rules/valid-label-key.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine:3.20\nLABEL org.opencontainers.image.title=\"app\" com.example.team=web version=1.0\n",
    { code: "FROM alpine:3.20\nLABEL org.label-schema.version=1 com.example.v2=x\n", name: "dockerfilelint#180: periods and a final digit" },
    { code: "ARG KEY\nFROM alpine:3.20\nARG KEY\nLABEL ${KEY}=x\n", name: "a key of unknown value" },
    { code: "FROM alpine:3.20\nENV NS=com.example\nLABEL ${NS}.team=web\n", name: "a key from ENV" },
    { code: "FROM alpine:3.20\nLABEL \"com.example.quoted\"=\"yes\"\n", name: "quotes are not part of the key" },
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nLABEL Maintainer=\"Jane\"\n",
      errors: [{ message: "Label key 'Maintainer' does not follow Docker's key format: keys use only lower-case letters, digits, '.' and '-'.", line: 2, column: 7, endLine: 2, endColumn: 17, aliases: ["DL3048"] }],
    },
    {
      name: "a reserved namespace",
      code: "FROM alpine:3.20\nLABEL com.docker.compose.project=app\n",
      errors: [{ message: "Label key 'com.docker.compose.project' does not follow Docker's key format: the com.docker.* namespace is reserved for Docker.", line: 2, column: 7, endColumn: 33 }],
    },
    {
      name: "underscores, doubled separators, bad ends",
      code: "FROM alpine:3.20\nLABEL build_date=1 a..b=2 -a=3 a-=4\n",
      errors: [
        { message: "Label key 'build_date' does not follow Docker's key format: keys use only lower-case letters, digits, '.' and '-'.", line: 2, column: 7, endColumn: 17 },
        { message: "Label key 'a..b' does not follow Docker's key format: keys have no consecutive '.' or '-'.", line: 2, column: 20, endColumn: 24 },
        { message: "Label key '-a' does not follow Docker's key format: keys start with a lower-case letter.", line: 2, column: 27, endColumn: 29 },
        { message: "Label key 'a-' does not follow Docker's key format: keys end with a lower-case letter or digit.", line: 2, column: 32, endColumn: 34 },
      ],
    },
    {
      name: "legacy form and ONBUILD",
      code: "FROM alpine:3.20\nLABEL Version 1.0\nONBUILD LABEL Team=web\n",
      errors: [
        { messageId: "invalid", line: 2, column: 7, endColumn: 14 },
        { messageId: "invalid", line: 3, column: 15, endColumn: 19 },
      ],
    },
  ],
});
