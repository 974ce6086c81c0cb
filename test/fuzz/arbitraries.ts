/** fast-check generators of Dockerfile text: every instruction, flags, continuations, heredocs, directives, junk. */
import fc from "fast-check";

const keywords = [
  "FROM", "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "ENV", "LABEL", "ARG", "EXPOSE", "HEALTHCHECK",
  "ONBUILD", "USER", "WORKDIR", "VOLUME", "STOPSIGNAL", "MAINTAINER", "from", "Run", "FOO",
];

const word = fc.oneof(
  fc.constantFrom("alpine", "alpine:3.20", "debian@sha256:abc", "/app", ".", "a.tar.gz", "https://x/y", "$VAR", "${A:-b}", "'q x'", '"q y"', "x=y", "a\\ b", "80/tcp", "AS", "build", "--", "-x", "<<EOF", "<<-'E'", "&&", "|", ";", "#", "é", "\u00a0", "\t"),
  fc.string({ minLength: 1, maxLength: 6 }),
);

const flag = fc.oneof(
  fc.constantFrom("--from=build", "--chown=\"a b\"", "--mount=type=cache,target=/root/.cache", "--platform=$BUILDPLATFORM", "--link", "--chmod=755", "--network=none", "--interval=5s"),
  fc.string({ maxLength: 5 }).map((s) => `--${s}`),
);

const json = fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("sh", "-c", "a\"b", "\\")), { maxLength: 4 }).map((xs) => JSON.stringify(xs));

const separator = fc.constantFrom(" ", "  ", "\t", " \\\n  ", "\\\n", " \\\n# c\n  ", " \\\n\n ", "`\n", " \\ \r\n");

/** One instruction line, possibly continued, possibly with heredoc bodies after it. */
const instruction = fc
  .tuple(fc.constantFrom(...keywords), fc.array(flag, { maxLength: 2 }), fc.oneof(json, fc.array(word, { maxLength: 5 }).map((ws) => ws.join(" "))), separator, fc.boolean(), fc.boolean())
  .map(([keyword, flags, rest, sep, heredoc, dash]) => {
    const line = [keyword, ...flags, rest].join(sep);
    if (!heredoc) return line + "\n";
    return `${keyword}${dash ? " <<-EOT" : " <<EOT"} ${rest}\n${dash ? "\t" : ""}body $x\n${dash ? "\t" : ""}EOT\n`;
  });

const directive = fc.constantFrom("# syntax=docker/dockerfile:1\n", "# escape=`\n", "# escape=\\\n", "# check=skip=all\n", "#check=error=true\n", "# escape=x\n");
const comment = fc.constantFrom("# comment\n", "  # indented\n", "#\n", "# hadolint ignore=DL3008\n", "# dockerlint ignore=prefer-copy\n", "\n", "   \n", "\r\n");
const junk = fc.string({ maxLength: 40, unit: "binary" });

/** A Dockerfile-like text: directives, then a mix of instructions, comments, blank lines and junk. */
export const dockerfileText = fc
  .tuple(fc.array(directive, { maxLength: 2 }), fc.array(fc.oneof({ weight: 6, arbitrary: instruction }, { weight: 2, arbitrary: comment }, { weight: 1, arbitrary: junk }), { maxLength: 14 }), fc.boolean())
  .map(([ds, items, finalNewline]) => {
    const text = ds.join("") + items.join("");
    return finalNewline ? text : text.replace(/\n$/, "");
  });
