import { describe, expect, it } from "vitest";
import { parseShell } from "../../src/model/shell.js";
import { argv, only } from "./helpers.js";

const redirects = (text: string, dialect: "sh" | "bash" = "bash") =>
  only(text, { dialect }).redirects.map((r) => [r.fd, r.op, r.target?.value ?? r.target?.text]);

describe("redirections", () => {
  it("reads operators with and without fd numbers", () => {
    expect(redirects("cmd >out 2>&1 <in >>log 2>/dev/null 3<>rw 0<&3 >|f")).toEqual([
      [undefined, ">", "out"],
      [2, ">&", "1"],
      [undefined, "<", "in"],
      [undefined, ">>", "log"],
      [2, ">", "/dev/null"],
      [3, "<>", "rw"],
      [0, "<&", "3"],
      [undefined, ">|", "f"],
    ]);
  });

  it("keeps a number followed by a blank as an argument", () => {
    const command = only("echo 2 > f");
    expect(argv(command)).toEqual(["echo", "2"]);
    expect(command.redirects.map((r) => [r.fd, r.op])).toEqual([[undefined, ">"]]);
  });

  it("reads bash &> &>> and <<<", () => {
    expect(redirects("cmd &>/dev/null &>>log <<<'text'")).toEqual([
      [undefined, "&>", "/dev/null"],
      [undefined, "&>>", "log"],
      [undefined, "<<<", "text"],
    ]);
  });

  it("reads &> in sh as a background command followed by a redirection", () => {
    const script = parseShell({ text: "cmd &>/dev/null" }, { dialect: "sh" });
    expect(script.commands.map((c) => [argv(c), c.context, c.redirects.map((r) => r.op)])).toEqual([
      [["cmd"], ["background"], []],
      [[], [], [">"]],
    ]);
  });

  it("allows redirections before the name and between arguments", () => {
    const command = only(">/dev/null 2>&1 A=1 cmd a >x b");
    expect(argv(command)).toEqual(["cmd", "a", "b"]);
    expect(command.assignments.map((a) => a.name)).toEqual(["A"]);
    expect(command.redirects).toHaveLength(3);
  });

  it("reads a redirection alone", () => {
    const script = parseShell({ text: ": > file; > other" });
    expect(script.commands.map((c) => [c.name?.value, c.redirects.map((r) => r.target?.value)])).toEqual([
      [":", ["file"]],
      [undefined, ["other"]],
    ]);
  });
});

describe("here-documents inside the script", () => {
  it("attaches the body that follows the line", () => {
    const script = parseShell({ text: "cat <<EOF > /etc/x\nhello $name\n  two\nEOF\necho done" });
    expect(script.commands.map(argv)).toEqual([["cat"], ["echo", "done"]]);
    expect(script.commands[0].redirects.map((r) => [r.op, r.target?.value, r.heredocBody])).toEqual([
      ["<<", "EOF", "hello $name\n  two\n"],
      [">", "/etc/x", undefined],
    ]);
    expect(script.commands[1].connector).toBe("\n");
  });

  it("strips leading tabs with <<- and unquotes the delimiter", () => {
    const [command] = parseShell({ text: "cat <<-'END'\n\tindented $x\n\tEND\n" }).commands;
    expect(command.redirects[0]).toMatchObject({ op: "<<-", heredocBody: "indented $x\n" });
    expect(command.redirects[0].target?.value).toBe("END");
  });

  it("reads several here-documents started on one line, in order", () => {
    const script = parseShell({ text: 'paste <<A <<"B" && echo next\na1\nA\nb1\nb2\nB\necho last' });
    expect(script.commands[0].redirects.map((r) => r.heredocBody)).toEqual(["a1\n", "b1\nb2\n"]);
    expect(script.commands.map((c) => argv(c)[0])).toEqual(["paste", "echo", "echo"]);
  });

  it("reads a here-document piped into another command", () => {
    const script = parseShell({ text: "cat <<'EOF' | sh -s -- -y\necho from body\nEOF\nrm -f x" });
    expect(script.commands.map((c) => [argv(c).join(" "), c.connector, c.context])).toEqual([
      ["cat", undefined, ["pipeline"]],
      ["sh -s -- -y", "|", ["pipeline"]],
      ["rm -f x", "\n", []],
    ]);
  });

  it("does not read commands from a body", () => {
    const script = parseShell({ text: "cat <<EOF\nrm -rf /\nEOF" });
    expect(script.commands.map(argv)).toEqual([["cat"]]);
    expect(script.commands[0].redirects[0].heredocBody).toBe("rm -rf /\n");
  });

  it("lists the command substitutions of a body whose delimiter is unquoted", () => {
    const text = "cat <<EOF >x\narch=$(uname -m) `id`\nEOF\ncat <<'EOF'\n$(not run)\nEOF";
    const script = parseShell({ text });
    expect(script.commands.map((c) => [argv(c).join(" "), c.context])).toEqual([
      ["cat", []],
      ["uname -m", ["command-substitution"]],
      ["id", ["command-substitution"]],
      ["cat", []],
    ]);
    expect(text.slice(script.commands[1].range[0], script.commands[1].range[1])).toBe("uname -m");
  });

  it("reports a body that is never closed and keeps its text", () => {
    const script = parseShell({ text: "cat <<EOF\nline\n" });
    expect(script.commands[0].redirects[0].heredocBody).toBe("line\n");
    expect(script.diagnostics.map((d) => [d.message, d.range])).toEqual([["Here-document is not closed by 'EOF'.", [4, 6]]]);
  });
});
