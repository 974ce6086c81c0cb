/**
 * Builders for shell-model test inputs, independent of the real shell parser: `word("$X")`,
 * `cmd("apt-get", "install", "-y", "curl")` and `sh("apt-get update && apt-get install -y curl")`
 * for simple scripts of words joined by `&&`, `||`, `|` and `;`.
 */
import type { ShellConnector, ShellWord, ShellWordPart, SimpleCommand } from "../../../src/model/shell-types.js";

/**
 * A shell word from its source text: quotes removed, `$NAME`/`${…}`/`$(…)` as expansions and
 * unquoted `*?[` as globs. `value` is set only when the word has neither.
 *
 * @example
 * ```ts
 * word("/var/lib/apt/lists/*").value; // undefined (a glob)
 * word("'a b'").value; // "a b"
 * ```
 */
export function word(text: string, start = 0): ShellWord {
  const parts: ShellWordPart[] = [];
  const literal = (value: string, quoted: "none" | "single" | "double"): void => {
    const prev = parts[parts.length - 1];
    if (prev?.kind === "literal" && prev.quoted === quoted) parts[parts.length - 1] = { ...prev, value: prev.value + value };
    else parts.push({ kind: "literal", value, quoted });
  };
  let quote: "none" | "single" | "double" = "none";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "single") {
      if (c === "'") quote = "none";
      else literal(c, "single");
    } else if (c === "'" && quote === "none") quote = "single";
    else if (c === '"') quote = quote === "double" ? "none" : "double";
    else if (c === "$" && text[i + 1] === "(") {
      const end = text.indexOf(")", i);
      const stop = end === -1 ? text.length : end + 1;
      parts.push({ kind: "command-substitution", text: text.slice(i, stop), script: undefined });
      i = stop - 1;
    } else if (c === "$" && text[i + 1] === "{") {
      const end = text.indexOf("}", i);
      const stop = end === -1 ? text.length : end + 1;
      parts.push({ kind: "parameter", name: text.slice(i + 2, stop - 1).replace(/[^A-Za-z0-9_].*$/, ""), text: text.slice(i, stop) });
      i = stop - 1;
    } else if (c === "$" && /[A-Za-z_]/.test(text[i + 1] ?? "")) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))![0];
      parts.push({ kind: "parameter", name, text: `$${name}` });
      i += name.length;
    } else if (quote === "none" && (c === "*" || c === "?" || c === "[")) parts.push({ kind: "glob", text: c });
    else if (c === "\\" && quote === "none" && i + 1 < text.length) literal(text[++i], "none");
    else literal(c, quote);
  }
  const literalOnly = parts.every((p) => p.kind === "literal");
  return {
    text,
    value: literalOnly ? parts.map((p) => (p.kind === "literal" ? p.value : "")).join("") : undefined,
    parts,
    range: [start, start + text.length],
  };
}

let nextOffset = 0;

/** A simple command from word texts, with `connector` joining it to the previous command. */
function command(tokens: readonly { text: string; start: number }[], connector: ShellConnector): SimpleCommand {
  const words = tokens.map((t) => word(t.text, t.start));
  let i = 0;
  const assignments = [];
  for (; i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].text); i++) {
    const eq = words[i].text.indexOf("=");
    const start = words[i].range[0];
    assignments.push({ name: words[i].text.slice(0, eq), value: word(words[i].text.slice(eq + 1), start + eq + 1), range: words[i].range });
  }
  const first = words[0]?.range[0] ?? 0;
  const end = words[words.length - 1]?.range[1] ?? first;
  return {
    name: words[i],
    args: words.slice(i + 1),
    assignments,
    redirects: [],
    context: connector === "|" ? ["pipeline"] : [],
    connector,
    range: [first, end],
  };
}

/**
 * One simple command from its words, e.g. `cmd("apt-get", "install", "-y", "curl")`. Leading
 * `NAME=value` words become assignments. Successive calls get increasing source ranges.
 */
export function cmd(...texts: string[]): SimpleCommand {
  const tokens = texts.map((text) => {
    const token = { text, start: nextOffset };
    nextOffset += text.length + 1;
    return token;
  });
  return command(tokens, undefined);
}

/**
 * The simple commands of a one-line script of words joined by `&&`, `||`, `|`, `;` (quotes are
 * honoured; no redirections, compound commands or nested quoting).
 *
 * @example
 * ```ts
 * sh("apt-get update && apt-get install -y curl").map((c) => c.connector); // [undefined, "&&"]
 * ```
 */
export function sh(script: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let tokens: { text: string; start: number }[] = [];
  let connector: ShellConnector;
  let current = "";
  let start = 0;
  let quote = "";
  const endWord = (at: number): void => {
    if (current !== "") tokens.push({ text: current, start });
    current = "";
    start = at;
  };
  const endCommand = (op: ShellConnector): void => {
    if (tokens.length > 0) commands.push(command(tokens, connector));
    tokens = [];
    connector = op;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote !== "") {
      if (c === quote) quote = "";
      current += c;
      continue;
    }
    if (c === "'" || c === '"') {
      if (current === "") start = i;
      quote = c;
      current += c;
    } else if (/\s/.test(c)) endWord(i + 1);
    else if (c === "&" || c === "|" || c === ";") {
      endWord(i + 1);
      const op = (c !== ";" && script[i + 1] === c ? c + c : c) as ShellConnector;
      i += op!.length - 1;
      endCommand(op);
      start = i + 1;
    } else {
      if (current === "") start = i;
      current += c;
    }
  }
  endWord(script.length);
  endCommand(undefined);
  return commands;
}
