import { describe, expect, it } from "vitest";
import { parseShell } from "../../src/model/shell.js";
import { decodeAnsiC } from "../../src/model/shell/word.js";
import { argv, only } from "./helpers.js";

const word = (text: string, dialect: "sh" | "bash" = "bash") => {
  const command = only(`cmd ${text}`, { dialect });
  expect(command.args).toHaveLength(1);
  return command.args[0];
};

describe("quote removal and escapes", () => {
  it("removes single, double and mixed quotes", () => {
    expect(argv(only(`docker build --build-arg "A=b c" 'x y' a"b"'c'd ""`))).toEqual([
      "docker", "build", "--build-arg", "A=b c", "x y", "abcd", "",
    ]);
  });

  it("reads the '\\'' idiom", () => {
    const w = word("'it'\\''s'");
    expect(w.value).toBe("it's");
    expect(w.text).toBe("'it'\\''s'");
    expect(w.parts).toEqual([
      { kind: "literal", value: "it", quoted: "single" },
      { kind: "literal", value: "'", quoted: "none" },
      { kind: "literal", value: "s", quoted: "single" },
    ]);
  });

  it("processes backslashes outside quotes", () => {
    expect(word("a\\ b\\$c\\*").value).toBe("a b$c*");
  });

  it("keeps backslashes in double quotes unless they quote $ ` \" \\", () => {
    expect(word('"a\\$b \\" \\\\ \\n"').value).toBe('a$b " \\ \\n');
  });

  it("drops \\<newline> inside double quotes, not inside single quotes", () => {
    expect(word('"a\\\nb"').value).toBe("ab");
    expect(word("'a\\\nb'").value).toBe("a\\\nb");
  });

  it("keeps everything literal in single quotes", () => {
    expect(word("'$HOME \\n `x`'").value).toBe("$HOME \\n `x`");
  });

  it("decodes bash $'…' strings", () => {
    const w = word("$'a\\tb\\x41\\'\\u00e9'");
    expect(w.value).toBe("a\tbA'é");
    expect(w.parts).toEqual([{ kind: "literal", value: "a\tbA'é", quoted: "ansi-c" }]);
  });

  it("reads $'…' as $ followed by a single-quoted string in sh", () => {
    expect(word("$'a\\tb'", "sh").value).toBe("$a\\tb");
  });

  it("reads bash $\"…\" like a double-quoted string", () => {
    expect(word('$"a $b"').parts).toEqual([
      { kind: "literal", value: "a ", quoted: "double" },
      { kind: "parameter", name: "b", text: "$b" },
    ]);
  });

  it("decodes octal, control and unknown escapes like bash", () => {
    expect(decodeAnsiC("\\101\\cA\\q\\\\")).toBe("A\x01\\q\\");
  });

  it("keeps a lone $ and a trailing backslash literal", () => {
    expect(word("a$").value).toBe("a$");
    expect(word('"$"').value).toBe("$");
    expect(word("a\\").value).toBe("a\\");
  });

  it("keeps brace and tilde expansion as literal text", () => {
    expect(word("a{b,c}").value).toBe("a{b,c}");
    expect(word("~/x").value).toBe("~/x");
  });
});

describe("expansions", () => {
  it("reads parameters, with or without braces, and special parameters", () => {
    const command = only('echo $HOME ${PATH:-/bin} "$1" $@ ${#arr[@]} ${!ref} $$ $10');
    expect(command.args.map((w) => w.parts.filter((p) => p.kind === "parameter").map((p) => p.kind === "parameter" && p.name))).toEqual([
      ["HOME"], ["PATH"], ["1"], ["@"], ["arr"], ["ref"], ["$"], ["1"],
    ]);
    expect(command.args.every((w) => w.value === undefined)).toBe(true);
  });

  it("splits a word into literal and expansion parts", () => {
    expect(word('pre-"$V"-${X}.tgz').parts).toEqual([
      { kind: "literal", value: "pre-", quoted: "none" },
      { kind: "literal", value: "", quoted: "double" },
      { kind: "parameter", name: "V", text: "$V" },
      { kind: "literal", value: "-", quoted: "none" },
      { kind: "parameter", name: "X", text: "${X}" },
      { kind: "literal", value: ".tgz", quoted: "none" },
    ]);
  });

  it("reads arithmetic", () => {
    expect(word("$((1 + (2 * 3)))").parts).toEqual([{ kind: "arithmetic", text: "$((1 + (2 * 3)))" }]);
  });

  it("reads globs outside quotes only", () => {
    expect(word("/var/lib/apt/lists/*").parts).toEqual([
      { kind: "literal", value: "/var/lib/apt/lists/", quoted: "none" },
      { kind: "glob", text: "*" },
    ]);
    expect(word("file?.[ch]").parts.filter((p) => p.kind === "glob")).toEqual([{ kind: "glob", text: "?" }, { kind: "glob", text: "[ch]" }]);
    expect(word('"*.txt"').value).toBe("*.txt");
    expect(word("\\*").value).toBe("*");
    expect(only("[ -f x ]").name?.value).toBe("[");
  });
});

describe("command substitutions", () => {
  it("lists the commands of $(…) and `…` with their own context", () => {
    const script = parseShell({ text: 'echo $(echo $(date) `uname -m`) "$(id -u)"' });
    expect(script.commands.map((c) => [argv(c).join(" "), c.context.length])).toEqual([
      ['echo <$(echo $(date) `uname -m`)> <"$(id -u)">', 0],
      ["echo <$(date)> <`uname -m`>", 1],
      ["date", 2],
      ["uname -m", 2],
      ["id -u", 1],
    ]);
    expect(script.commands[2].context).toEqual(["command-substitution", "command-substitution"]);
  });

  it("gives each substitution part the commands of its own level", () => {
    const [outer] = parseShell({ text: "echo $(a $(b) | c)" }).commands;
    const part = outer.args[0].parts[0];
    expect(part.kind).toBe("command-substitution");
    if (part.kind !== "command-substitution") return;
    expect(part.script?.commands.map(argv)).toEqual([["a", "<$(b)>"], ["c"]]);
    expect(part.script?.commands[0].context).toEqual(["command-substitution", "pipeline"]);
  });

  it("carries the enclosing context into substitutions", () => {
    const script = parseShell({ text: "if true; then X=$(id -u); fi" });
    expect(script.commands.map((c) => [argv(c)[0], c.context])).toEqual([
      ["true", ["if-condition"]],
      [undefined, ["if-body"]],
      ["id", ["if-body", "command-substitution"]],
    ]);
  });

  it("unescapes backquoted bodies", () => {
    const script = parseShell({ text: "echo `echo \\`date\\` \\$HOME`" });
    expect(script.commands.map(argv)).toEqual([["echo", "<`echo \\`date\\` \\$HOME`>"], ["echo", "<`date`>", "<$HOME>"], ["date"]]);
  });

  it("lists commands in process substitutions (bash) and in redirection targets of compound commands", () => {
    const script = parseShell({ text: "diff <(sort a) b; while read x; do :; done < <(ls)" });
    expect(script.commands.map((c) => argv(c)[0])).toEqual(["diff", "sort", "read", ":", "ls"]);
  });

  it("handles parentheses, quotes and comments inside $(…)", () => {
    const script = parseShell({ text: 'x=$( (a) ; echo ")" # )\n) && b' });
    expect(script.commands.map((c) => argv(c)[0])).toEqual([undefined, "a", "echo", "b"]);
    expect(script.diagnostics).toEqual([]);
  });

  it("lists commands in parameter operands and arithmetic, not in single quotes there", () => {
    const script = parseShell({ text: "N=${CORES:-$(nproc)} && make -j$(( $(nproc) - 1 )) ${X:-'$(no)'} \"${Y:-$(yes)}\"" });
    expect(script.commands.map((c) => argv(c)[0])).toEqual([undefined, "nproc", "make", "nproc", "yes"]);
    expect(script.commands[1].context).toEqual(["command-substitution"]);
  });

  it("does not recurse into sh -c bodies", () => {
    expect(parseShell({ text: "sh -c 'apt-get update && apt-get install -y x'" }).commands).toHaveLength(1);
  });
});
