import rule from "../../rules/no-consecutive-run.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian:12\nRUN /foo.sh\n",
    "FROM debian:12\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n",
    { name: "chained commands were split on purpose", code: "FROM debian:12\nRUN foo && bar\nRUN foobar\nRUN foo; bar\n" },
    { name: "different mounts", code: "FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\nRUN --mount=type=secret,id=bar /bar.sh\n" },
    { name: "different network or security", code: "FROM debian:12\nRUN --network=none a\nRUN b\nRUN --security=insecure c\n" },
    { name: "a heredoc RUN (hadolint#805)", code: "FROM ubuntu:22.04\nRUN cat <<EOF\nHere is a heredoc.\nEOF\nRUN echo 'there'\n" },
    { name: "ONBUILD between them, and ONBUILD triggers", code: "FROM debian:12\nRUN a\nONBUILD RUN b\nONBUILD RUN c\nRUN d\n" },
    { name: "different stages", code: "FROM debian:12\nRUN a\nFROM debian:12\nRUN b\n" },
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN /foo.sh\nRUN /bar.sh\n",
      errors: [{ message: "This RUN follows the RUN at line 2 with the same flags: join them with `&&` to make one layer.", line: 3, column: 1, endColumn: 4, aliases: ["DL3059"] }],
    },
    {
      name: "comments between them (hadolint#712)",
      code: "FROM debian:12\nRUN /foo.sh\n# a comment\n# another\nrun /bar.sh\n",
      errors: [{ messageId: "consecutive", line: 5, column: 1, endColumn: 4 }],
    },
    {
      name: "equal mounts",
      code: "FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n",
      errors: [{ messageId: "consecutive", line: 3, column: 1 }],
    },
    {
      name: "a group after a chained RUN, each later RUN reported",
      code: "FROM debian:12\nRUN foo && bar\nRUN foo\nRUN bar\nRUN [\"baz\"]\n",
      errors: [
        { message: "This RUN follows the RUN at line 3 with the same flags: join them with `&&` to make one layer.", line: 4, column: 1 },
        { message: "This RUN follows the RUN at line 4 with the same flags: join them with `&&` to make one layer.", line: 5, column: 1 },
      ],
    },
  ],
});
