import rule from "../../rules/apk-use-virtual.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nRUN apk add --no-cache --virtual .deps gcc && make && apk del .deps\n",
    { code: "FROM alpine\nRUN apk add -t .deps gcc && apk del .deps\n", name: "-t" },
    { code: "FROM alpine\nRUN apk add gcc\nRUN apk del gcc\n", name: "removal in another RUN" },
    { code: "FROM alpine\nRUN apk add curl && apk del wget\n", name: "removing something else" },
    { code: "FROM alpine\nRUN apk del gcc && apk add gcc\n", name: "removal before the add" },
  ],
  invalid: [
    {
      code: "FROM alpine\nRUN apk add --no-cache gcc musl-dev curl \\\n && make \\\n && apk del gcc musl-dev\n",
      errors: [{ message: "Install gcc, musl-dev as a group (`apk add --virtual .build-deps …`) and remove the group with `apk del .build-deps`: deleting packages by name also removes them when the base image had them.", line: 2, column: 9, endColumn: 12, aliases: [] }],
    },
    {
      name: "versioned add, deleted by name",
      code: "FROM alpine\nRUN apk add gcc=13.2.1-r0 && apk del --purge gcc\n",
      errors: [{ messageId: "virtual", line: 2, column: 9, endColumn: 12 }],
    },
  ],
});
