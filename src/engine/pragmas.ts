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

const TOOL_PRAGMA = /^(dockerlint|hadolint)\s+(global\s+)?ignore\s*=\s*([^\s]+)(?:\s+(?:--\s*)?(.*))?$/i;
const CHECK_PRAGMA = /^check\s*=\s*(.*)$/i;

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
  const tool = TOOL_PRAGMA.exec(comment.value);
  if (tool) {
    const scope = tool[2] ? "file" : next;
    return scope === undefined ? undefined : { ids: splitIds(tool[3]), scope, range: comment.range, reason: tool[4]?.trim() || undefined };
  }
  const check = CHECK_PRAGMA.exec(comment.value);
  const ids = check ? checkSkipIds(check[1]) : [];
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
  let pending: Comment[] = [];
  const flush = (next: Range | undefined): void => {
    for (const comment of pending) {
      const pragma = pragmaOf(comment, next);
      if (pragma) pragmas.push(pragma);
    }
    pending = [];
  };
  for (const item of ast.body) {
    if (item.type === "Comment") pending.push(item);
    else if (item.type !== "BlankLine" && item.type !== "Directive") flush(item.range);
  }
  flush(undefined);
  return pragmas;
}

/** True when the pragma switches off a finding of `ruleId` with `aliases` at `offset`. */
export function suppresses(pragma: Pragma, ruleId: string, aliases: readonly string[], offset: number): boolean {
  if (pragma.scope !== "file" && (offset < pragma.scope[0] || offset >= pragma.scope[1])) return false;
  return pragma.ids.some((id) => id === "*" || id === ruleId || aliases.some((a) => a.toLowerCase() === id.toLowerCase()));
}
