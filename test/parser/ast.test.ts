/** The tree's typed parts and their exact source ranges. */
import { describe, expect, it } from "vitest";
import { parse, print } from "../../src/index.js";
import type { Instruction, Node, Word } from "../../src/index.js";
import { validateGrammar } from "../../grammar/dockerfile/parser.js";

const slice = (text: string, node: Node | undefined) => (node ? text.slice(node.range[0], node.range[1]) : undefined);
const first = <T extends Instruction["type"]>(text: string, type: T) =>
  parse(text).ast.instructions.find((i) => i.type === type) as Extract<Instruction, { type: T }>;

describe("grammar", () => {
  it("passes chevrotain's grammar validations", () => expect(() => validateGrammar()).not.toThrow());
});

describe("FROM", () => {
  const text = "FROM --platform=$BUILDPLATFORM registry.example.com:5000/team/app:1.2@sha256:abc AS Build\n";
  const from = first(text, "FROM");
  it("splits the image reference into its parts", () => {
    expect(slice(text, from.image)).toBe("registry.example.com:5000/team/app:1.2@sha256:abc");
    expect(slice(text, from.image?.registry)).toBe("registry.example.com:5000");
    expect(slice(text, from.image?.path)).toBe("team/app");
    expect(slice(text, from.image?.tag)).toBe("1.2");
    expect(slice(text, from.image?.digest)).toBe("sha256:abc");
  });
  it("keeps the stage name as written, the AS keyword and the platform flag", () => {
    expect(from.stageName?.value).toBe("Build");
    expect(slice(text, from.asKeyword)).toBe("AS");
    expect(from.platform?.name.value).toBe("platform");
    expect(slice(text, from.platform?.value)).toBe("$BUILDPLATFORM");
    expect(from.loc.start).toEqual({ line: 1, column: 1 });
  });
  it("treats a first path component without a dot, colon or localhost as part of the path", () => {
    const f = first("FROM library/alpine:3\n", "FROM");
    expect(f.image?.registry).toBeUndefined();
    expect(f.image?.path.value).toBe("library/alpine");
    expect(first("FROM localhost/app\n", "FROM").image?.registry?.value).toBe("localhost");
  });
});

describe("flags", () => {
  it("unquotes values as BuildKit does and keeps the ranges of name and value", () => {
    const text = 'COPY --chown="app user" --link src/ /dst/\n';
    const copy = first(text, "COPY");
    expect(copy.flags.map((f) => f.text)).toEqual(["--chown=app user", "--link"]);
    expect(slice(text, copy.flags[0].name)).toBe("chown");
    expect(slice(text, copy.flags[0].value)).toBe('"app user"');
    expect(copy.flags[0].value?.value).toBe("app user");
    expect(copy.flags[1].value).toBeUndefined();
    expect(copy.sources.map((s) => s.value)).toEqual(["src/"]);
    expect(slice(text, copy.destination)).toBe("/dst/");
  });
});

describe("continuation lines", () => {
  const text = "RUN apt-get update \\\n  # a comment inside\n  && apt-get install -y curl\n";
  const run = first(text, "RUN");
  it("joins lines as BuildKit does and maps the command back to the source", () => {
    expect(run.command?.type).toBe("ShellForm");
    const command = run.command as Extract<typeof run.command, { type: "ShellForm" }>;
    expect(command.value).toBe("apt-get update   && apt-get install -y curl");
    expect(command.map).toEqual([0, 4, 15, 42]);
    expect(text.slice(42, 42 + 4)).toBe("  &&");
    expect(run.comments.map((c) => c.value)).toEqual(["a comment inside"]);
    expect(run.loc.end.line).toBe(3);
  });
  it("ends a word split by a continuation on the line of its last character", () => {
    const t = "COPY a\\\nb /c\n";
    const src = first(t, "COPY").sources[0] as Word;
    expect(src.value).toBe("ab");
    expect(src.range).toEqual([5, 9]);
    expect(src.map).toEqual([0, 5, 1, 8]);
  });
});

describe("exec form", () => {
  it("decodes JSON strings and keeps each element's range", () => {
    const text = 'CMD ["echo", "a\\u00e9b"]\n';
    const cmd = first(text, "CMD");
    expect(cmd.command?.type).toBe("ExecForm");
    const elements = (cmd.command as Extract<typeof cmd.command, { type: "ExecForm" }>).elements;
    expect(elements.map((e) => e.value)).toEqual(["echo", "aéb"]);
    expect(elements.map((e) => slice(text, e))).toEqual(['"echo"', '"a\\u00e9b"']);
  });
  it("falls back to shell form silently for invalid JSON", () => {
    expect(first("CMD ['a']\n", "CMD").command?.type).toBe("ShellForm");
  });
  it("reports JSON with a non-string element and parses on", () => {
    const { ast, diagnostics } = parse('RUN ["a", 1]\nRUN b\n');
    expect(diagnostics.map((d) => d.code)).toEqual(["json-non-string"]);
    expect(ast.instructions).toHaveLength(2);
  });
});

describe("heredocs", () => {
  const text = "RUN <<-EOF cat > /x\n\techo $HOME\n\tEOF\nCOPY <<'CONF' /etc/app.conf\nkey=$v\nCONF\n";
  const { ast } = parse(text);
  it("reads the body raw, strips tabs for <<- and marks quoted names as not expanded", () => {
    const [run, copy] = ast.instructions;
    expect(run.heredocs[0]).toMatchObject({ name: "EOF", chomp: true, expand: true, content: "echo $HOME\n" });
    expect(slice(text, run.heredocs[0].marker)).toBe("<<-EOF");
    expect(run.heredocs[0].body.value).toBe("\techo $HOME\n");
    expect(slice(text, run.heredocs[0].terminator)).toBe("\tEOF");
    expect(copy.heredocs[0]).toMatchObject({ name: "CONF", expand: false, content: "key=$v\n" });
    expect(run.loc.end.line).toBe(3);
  });
  it("reports an unterminated heredoc and keeps the text", () => {
    const t = "FROM a\nRUN <<EOF\necho\n";
    const { ast: tree, diagnostics } = parse(t);
    expect(diagnostics.map((d) => d.code)).toEqual(["unterminated-heredoc"]);
    expect(print(tree)).toBe(t);
  });
});

describe("ENV, LABEL, ARG, EXPOSE", () => {
  it("reads both ENV forms", () => {
    const env = first('ENV A=1 B="x y"\n', "ENV");
    expect(env.pairs.map((p) => [p.key.value, p.value.value, p.form])).toEqual([
      ["A", "1", "equals"],
      ["B", '"x y"', "equals"],
    ]);
    const legacy = first("ENV PATH /usr/bin:$PATH extra\n", "ENV");
    expect(legacy.pairs.map((p) => [p.key.value, p.value.value, p.form])).toEqual([["PATH", "/usr/bin:$PATH extra", "legacy"]]);
  });
  it("reports a missing = and a missing value", () => {
    expect(parse("ENV a=b c\n").diagnostics.map((d) => d.code)).toEqual(["missing-equals"]);
    expect(parse("LABEL a\n").diagnostics.map((d) => d.code)).toEqual(["missing-value"]);
  });
  it("reads ARG declarations with and without defaults", () => {
    const arg = first("ARG A B=2\n", "ARG");
    expect(arg.declarations.map((d) => [d.name.value, d.defaultValue?.value])).toEqual([["A", undefined], ["B", "2"]]);
  });
  it("splits EXPOSE ports and protocols", () => {
    const expose = first("EXPOSE 80 53/udp\n", "EXPOSE");
    expect(expose.ports.map((p) => [p.port.value, p.protocol?.value])).toEqual([["80", undefined], ["53", "udp"]]);
  });
});

describe("directives and comments", () => {
  it("reads directives only at the top and switches the escape character", () => {
    const text = "# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN echo `\n  b\n# escape=\\\n";
    const { ast } = parse(text);
    expect(ast.directives.map((d) => [d.kind, d.value.value])).toEqual([["syntax", "docker/dockerfile:1"], ["escape", "`"]]);
    expect(ast.escapeChar).toBe("`");
    expect(ast.comments.map((c) => c.value)).toEqual(["escape=\\"]);
    expect(ast.instructions[1].original).toBe("RUN echo   b");
  });
  it("keeps CRLF and a byte order mark", () => {
    const text = "\uFEFFFROM a\r\nRUN b\r\n";
    const { ast } = parse(text);
    expect(ast.bom).toBe(true);
    expect(ast.instructions.map((i) => i.original)).toEqual(["FROM a", "RUN b"]);
    expect(print(ast)).toBe(text);
  });
});

describe("ONBUILD", () => {
  it("wraps a full instruction with its own ranges", () => {
    const text = "ONBUILD COPY --from=build /a /b\n";
    const onbuild = first(text, "ONBUILD");
    expect(onbuild.trigger?.type).toBe("COPY");
    expect(slice(text, onbuild.trigger?.keyword)).toBe("COPY");
    expect(onbuild.trigger?.flags[0].value?.value).toBe("build");
  });
});
