/**
 * Inline pragmas that switch rules off, in the forms users already write:
 * - `# dockerlint ignore=<id>[,<id>…] [-- reason]`: the next instruction;
 * - `# dockerlint global ignore=…`: the whole file;
 * - `# hadolint ignore=DL3008,…` and `# hadolint global ignore=…`;
 * - BuildKit's `# check=skip=<Rule>[,<Rule>]` / `skip=all`: as a parser directive, the whole file;
 *   directly above an instruction, that instruction.
 * Ids match a rule id or any of a finding's aliases, case-sensitively for ids and case-insensitively for aliases.
 */
import type { Comment, Dockerfile, Range } from "../ast/nodes.js";

/** One pragma and what it covers. */
export interface Pragma {
  /** The ids it names; `*` for `skip=all`. */
  readonly ids: readonly string[];
  /** `file`, or the range of the instruction it applies to. */
  readonly scope: "file" | Range;
  /** The comment or directive it came from. */
  readonly range: Range;
  readonly reason: string | undefined;
}

/** `dockerlint|hadolint [global] ignore=<ids> [-- reason]`, read word by word (no backtracking regex). */
function toolPragma(comment: string): { global: boolean; ids: string; reason: string | undefined } | undefined {
  if (!/^\s*(dockerlint|hadolint)\s/i.test(comment)) return undefined;
  const words = comment.trim().split(/\s+/);
  const tool = words.shift()?.toLowerCase();
  if (tool !== "dockerlint" && tool !== "hadolint") return undefined;
  const global = words[0]?.toLowerCase() === "global";
  if (global) words.shift();
  const rest = words.join(" ");
  if (!/^ignore\s*=/i.test(rest)) return undefined;
  const [ids, ...reason] = rest.slice(rest.indexOf("=") + 1).trim().split(" ");
  if (ids === undefined || ids === "") return undefined;
  const text = reason.join(" ").replace(/^--\s*/, "").trim();
  return { global, ids, reason: text === "" ? undefined : text };
}

/** The value of a `check=…` comment. */
function checkPragma(comment: string): string | undefined {
  const eq = comment.indexOf("=");
  return eq >= 0 && comment.slice(0, eq).trim().toLowerCase() === "check" ? comment.slice(eq + 1) : undefined;
}

/** The ids of `skip=` in a BuildKit check value (`skip=A,B;error=true`). */
function checkSkipIds(value: string): string[] {
  const first = value.trim().split(/\s+/)[0] ?? "";
  for (const field of first.split(";")) {
    const [key, ids] = field.split("=", 2).map((s) => s.trim());
    if (key === "skip" && ids !== undefined) return ids === "all" ? ["*"] : ids.split(",").map((s) => s.trim()).filter(Boolean);
  }
  return [];
}

function splitIds(ids: string): string[] {
  return ids.split(",").map((s) => s.trim()).filter(Boolean);
}

/** The pragma a comment holds, if any; `next` is the range of the instruction that follows it. */
function pragmaOf(comment: Comment, next: Range | undefined): Pragma | undefined {
  const tool = toolPragma(comment.value);
  if (tool) {
    const scope = tool.global ? "file" : next;
    return scope === undefined ? undefined : { ids: splitIds(tool.ids), scope, range: comment.range, reason: tool.reason };
  }
  const check = checkPragma(comment.value);
  const ids = check === undefined ? [] : checkSkipIds(check);
  return ids.length > 0 && next !== undefined ? { ids, scope: next, range: comment.range, reason: undefined } : undefined;
}

/**
 * Reads every pragma of a file.
 *
 * @example
 * ```ts
 * readPragmas(parse("# hadolint ignore=DL3008\nRUN apt-get install -y curl\n").ast)[0].ids; // ["DL3008"]
 * ```
 */
export function readPragmas(ast: Dockerfile): Pragma[] {
  const pragmas: Pragma[] = [];
  for (const directive of ast.directives) {
    const ids = directive.kind === "check" ? checkSkipIds(directive.value.value) : [];
    if (ids.length > 0) pragmas.push({ ids, scope: "file", range: directive.range, reason: undefined });
  }
  // Most files have no comment that could be a pragma, and their body need not be read.
  if (!ast.comments.some(mayBePragma)) return pragmas;
  const body = ast.body;
  // The comments from `pending` to the next instruction apply to that instruction.
  let pending = -1;
  for (let i = 0; i < body.length; i++) {
    const type = body[i].type;
    if (type === "Comment") {
      if (pending < 0) pending = i;
    } else if (type !== "BlankLine" && type !== "Directive") {
      if (pending >= 0) addPragmas(pragmas, body, pending, i, body[i].range);
      pending = -1;
    }
  }
  if (pending >= 0) addPragmas(pragmas, body, pending, body.length, undefined);
  return pragmas;
}

/** Every pragma has `ignore=` or `check=` (in any case, maybe with blanks before the `=`). */
const PRAGMA_HINT = /(?:ignore|check)\s*=/i;

/** The search for `=` first: it is much faster than the regular expression, and few comments have one. */
function mayBePragma(comment: Comment): boolean {
  const value = comment.value;
  return value.includes("=") && PRAGMA_HINT.test(value);
}

/** Adds the pragmas of the comments among `body[from, to)`, which apply to `next`. */
function addPragmas(pragmas: Pragma[], body: Dockerfile["body"], from: number, to: number, next: Range | undefined): void {
  for (let i = from; i < to; i++) {
    const item = body[i];
    if (item.type !== "Comment" || !mayBePragma(item)) continue;
    const pragma = pragmaOf(item, next);
    if (pragma) pragmas.push(pragma);
  }
}

/** True when the pragma switches off a finding of `ruleId` with `aliases` at `offset`. */
export function suppresses(pragma: Pragma, ruleId: string, aliases: readonly string[], offset: number): boolean {
  if (pragma.scope !== "file" && (offset < pragma.scope[0] || offset >= pragma.scope[1])) return false;
  return pragma.ids.some((id) => id === "*" || id === ruleId || aliases.some((a) => a.toLowerCase() === id.toLowerCase()));
}
