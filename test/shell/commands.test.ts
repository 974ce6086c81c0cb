import { describe, expect, it } from "vitest";
import { parseShell } from "../../src/model/shell.js";
import { argv, commands } from "./helpers.js";

const parse = (text: string) => parseShell({ text });

describe("lists and connectors", () => {
  it("reads the apt-get idiom as three commands joined by &&", () => {
    const script = parse("apt-get update && apt-get install -y --no-install-recommends a b && rm -rf /var/lib/apt/lists/*");
    expect(script.commands.map(argv)).toEqual([
      ["apt-get", "update"],
      ["apt-get", "install", "-y", "--no-install-recommends", "a", "b"],
      ["rm", "-rf", "</var/lib/apt/lists/*>"],
    ]);
    expect(script.commands.map((c) => c.connector)).toEqual([undefined, "&&", "&&"]);
    expect(script.diagnostics).toEqual([]);
  });

  it("records ; || | & and newline connectors", () => {
    const script = parse("set -eux; a || b | c & d\ne");
    expect(script.commands.map((c) => [argv(c)[0], c.connector])).toEqual([
      ["set", undefined], ["a", ";"], ["b", "||"], ["c", "|"], ["d", "&"], ["e", "\n"],
    ]);
  });

  it("keeps ; before a newline as the connector and skips blank lines", () => {
    expect(parse("a;\n\n\nb").commands[1].connector).toBe(";");
    expect(parse("\n\na\n\n").commands.map(argv)).toEqual([["a"]]);
  });

  it("lets && and || continue on the next line", () => {
    expect(commands("a &&\n b ||\n\n c |\n d")).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });

  it("marks pipelines, negation and background commands", () => {
    const script = parse("curl -fsSL url | sh && ! grep x y; sleep 1 &");
    expect(script.commands.map((c) => c.context)).toEqual([["pipeline"], ["pipeline"], ["negated"], ["background"]]);
  });

  it("marks every command of an and-or list that runs in the background", () => {
    expect(parse("a && b & c").commands.map((c) => c.context)).toEqual([["background"], ["background"], []]);
  });

  it("orders pipeline inside negation inside background", () => {
    expect(parse("! a | b &").commands[0].context).toEqual(["background", "negated", "pipeline"]);
  });

  it("negates the pipeline after && or ||, not the whole list", () => {
    expect(parse("a && ! b | c || d").commands.map((c) => c.context)).toEqual([[], ["negated", "pipeline"], ["negated", "pipeline"], []]);
  });

  it("treats |& as a pipe", () => {
    const script = parse("make |& tee log");
    expect(script.commands.map((c) => [argv(c), c.connector, c.context])).toEqual([
      [["make"], undefined, ["pipeline"]],
      [["tee", "log"], "|", ["pipeline"]],
    ]);
  });
});

describe("compound commands", () => {
  it("reads if / elif / else with their contexts", () => {
    const script = parse("if [ -f /x ]; then echo yes; elif true; then :; else echo no; fi");
    expect(script.commands.map((c) => [argv(c).join(" "), c.context.join(",")])).toEqual([
      ["[ -f /x ]", "if-condition"],
      ["echo yes", "if-body"],
      ["true", "if-condition"],
      [":", "if-body"],
      ["echo no", "else-body"],
    ]);
  });

  it("reads if across lines, as Dockerfile heredocs write it", () => {
    expect(commands("if [ \"$a\" = b ]\nthen\n  echo 1\nfi\necho 2")).toEqual([["[", "<\"$a\">", "=", "b", "]"], ["echo", "1"], ["echo", "2"]]);
  });

  it("reads for loops with and without a word list", () => {
    const script = parse("for f in a b; do echo $f; done; for x\ndo y; done; for z in\ndo w; done");
    expect(script.commands.map((c) => [argv(c), c.context])).toEqual([
      [["echo", "<$f>"], ["for-body"]],
      [["y"], ["for-body"]],
      [["w"], ["for-body"]],
    ]);
    expect(script.diagnostics).toEqual([]);
  });

  it("lists commands found in a for loop's words", () => {
    const script = parse("for p in $(cat list.txt); do apk add $p; done");
    expect(script.commands.map((c) => [argv(c)[0], c.context])).toEqual([
      ["cat", ["command-substitution"]],
      ["apk", ["for-body"]],
    ]);
  });

  it("reads bash (( … )) arithmetic commands and arithmetic for loops, which are not commands", () => {
    const script = parse("for ((i = 0; i < 3; i++)); do echo $i; done; (( n > 1 )) && echo many; ( (sub) )");
    expect(script.commands.map((c) => [argv(c).join(" "), c.context.join(",")])).toEqual([
      ["echo <$i>", "for-body"],
      ["echo many", ""],
      ["sub", "subshell,subshell"],
    ]);
    expect(script.diagnostics).toEqual([]);
  });

  it("reads while and until loops", () => {
    const script = parse("while read l; do echo $l; done < file; until false; do break; done");
    expect(script.commands.map((c) => [argv(c)[0], c.context[0]])).toEqual([
      ["read", "while-condition"], ["echo", "while-body"], ["false", "until-condition"], ["break", "until-body"],
    ]);
  });

  it("reads case with several patterns, ;; and a last item without ;;", () => {
    const script = parse('case "$x" in\n  a|b) echo ab ;;\n  (c) echo c;;\n  *) echo other\nesac');
    expect(script.commands.map((c) => [argv(c).join(" "), c.context])).toEqual([
      ["echo ab", ["case-body"]],
      ["echo c", ["case-body"]],
      ["echo other", ["case-body"]],
    ]);
    expect(script.diagnostics).toEqual([]);
  });

  it("reads bash ;& and ;;& case terminators", () => {
    const script = parse("case $1 in a) echo a ;& b) echo b ;;& *) echo c ;; esac");
    expect(script.commands.map((c) => argv(c)[1])).toEqual(["a", "b", "c"]);
    expect(script.diagnostics).toEqual([]);
  });

  it("reads case inside a command substitution, where ) ends patterns", () => {
    const script = parse('ARCH=$(case ${TARGETARCH} in amd64) echo x86_64;; arm64) echo aarch64;; esac) && echo "$ARCH"');
    expect(script.commands.map(argv)).toEqual([[], ["echo", "x86_64"], ["echo", "aarch64"], ["echo", '<"$ARCH">']]);
    expect(script.diagnostics).toEqual([]);
  });

  it("reads subshells and brace groups", () => {
    const script = parse("(cd x && make); { a; b; } > log");
    expect(script.commands.map((c) => [argv(c)[0], c.context])).toEqual([
      ["cd", ["subshell"]], ["make", ["subshell"]], ["a", ["group"]], ["b", ["group"]],
    ]);
  });

  it("nests contexts outermost first", () => {
    const script = parse("if a; then for i in 1 2; do (b | c); done; fi");
    expect(script.commands.at(-1)?.context).toEqual(["if-body", "for-body", "subshell", "pipeline"]);
  });

  it("reads both forms of function definitions", () => {
    const script = parse("f() { echo hi; }; function g { echo g; }; function h() (echo h); f");
    expect(script.commands.map((c) => [argv(c).join(" "), c.context])).toEqual([
      ["echo hi", ["function-body", "group"]],
      ["echo g", ["function-body", "group"]],
      ["echo h", ["function-body", "subshell"]],
      ["f", []],
    ]);
  });

  it("reads [[ … ]] as a command named [[ whose operators are arguments", () => {
    const script = parse("if [[ $a == b && -f x ]]; then echo; fi");
    expect(argv(script.commands[0])).toEqual(["[[", "<$a>", "==", "b", "&&", "-f", "x", "]]"]);
    expect(script.commands[0].context).toEqual(["if-condition"]);
  });

  it("passes the connector before a structure on to the first command of its condition or body", () => {
    const script = parse("a && if b; then c; fi && (d)");
    expect(script.commands.map((c) => c.connector)).toEqual([undefined, "&&", undefined, "&&"]);
  });

  it("takes reserved words as plain arguments", () => {
    expect(commands("echo if then fi do done { } ! in case esac")).toEqual([
      ["echo", "if", "then", "fi", "do", "done", "{", "}", "!", "in", "case", "esac"],
    ]);
  });

  it("does not take quoted or longer words as reserved words", () => {
    expect(commands('"if" a; iffy; {a,b}')).toEqual([["if", "a"], ["iffy"], ["{a,b}"]]);
  });
});

describe("simple commands", () => {
  it("separates assignments from the name", () => {
    const [command] = parse('A=b B="c d" C= cmd arg D=e').commands;
    expect(command.assignments.map((a) => [a.name, a.value?.value])).toEqual([["A", "b"], ["B", "c d"], ["C", undefined]]);
    expect(argv(command)).toEqual(["cmd", "arg", "D=e"]);
  });

  it("reads a bare assignment as a command without a name", () => {
    const [command] = parse("GNUPGHOME=\"$(mktemp -d)\"").commands;
    expect(command.name).toBeUndefined();
    expect(command.assignments[0].name).toBe("GNUPGHOME");
    expect(command.assignments[0].value?.value).toBeUndefined();
  });

  it("reads += and bash arrays in assignments", () => {
    const [command] = parse("PATH+=:/x arr=(a b 'c d') cmd").commands;
    expect(command.assignments.map((a) => [a.name, a.value?.text])).toEqual([["PATH", ":/x"], ["arr", "(a b 'c d')"]]);
    expect(argv(command)).toEqual(["cmd"]);
  });

  it("skips comments that start a word, not # inside words", () => {
    expect(commands("echo a#b # comment ; not a command\necho $# c")).toEqual([["echo", "a#b"], ["echo", "<$#>", "c"]]);
  });

  it("joins \\<newline> continuations", () => {
    expect(commands("apt-get install \\\n  curl \\\n  git")).toEqual([["apt-get", "install", "curl", "git"]]);
  });

  it("reads non-ASCII words, including non-breaking spaces and astral characters", () => {
    expect(commands("echo 日本 ✓ 🙂 é a\u00a0b")).toEqual([["echo", "日本", "✓", "🙂", "é", "a\u00a0b"]]);
    // Code units at the edges of chevrotain's first-character buckets.
    expect(commands("\ufe01 \u00ff \u0100 \u01fe \uffff")).toEqual([["\ufe01", "\u00ff", "\u0100", "\u01fe", "\uffff"]]);
  });

  it("reads CRLF line ends like LF", () => {
    expect(commands("a b\r\nc \\\r\n d\r\n")).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("ends a command at a newline", () => {
    expect(commands("a b\nc d")).toEqual([["a", "b"], ["c", "d"]]);
  });
});

describe("dialects", () => {
  it("reads bash-only syntax as plain words or operators in sh", () => {
    expect(commands("function f { a; }", { dialect: "sh" })).toEqual([["function", "f", "{", "a"]]);
    expect(commands("[[ -f x ]]", { dialect: "sh" })).toEqual([["[[", "-f", "x", "]]"]]);
    expect(commands("a |& b", { dialect: "sh" })).toEqual([["a"], ["b"]]);
  });

  it("defaults to bash", () => {
    expect(parseShell({ text: "a |& b" }).diagnostics).toEqual([]);
    expect(parseShell({ text: "a |& b" }, { dialect: "sh" }).diagnostics).toHaveLength(1);
  });
});
