/** A unified diff of two texts (for `--fix-dry-run`), in the format `git apply` and `patch` read. */

type Op = { readonly kind: " " | "-" | "+"; readonly line: string };

const CONTEXT = 3;
const MAX_TABLE = 4_000_000;

function splitKeepingEnds(text: string): string[] {
  const lines: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf("\n", start);
    const next = end < 0 ? text.length : end + 1;
    lines.push(text.slice(start, next));
    start = next;
  }
  return lines;
}

/** Line operations turning `a` into `b`: longest common subsequence between a common prefix and suffix. */
function lineOps(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle: Op[] = [];
  if ((midA.length + 1) * (midB.length + 1) > MAX_TABLE) {
    middle.push(...midA.map((line) => ({ kind: "-" as const, line })), ...midB.map((line) => ({ kind: "+" as const, line })));
  } else {
    const width = midB.length + 1;
    const table = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        table[i * width + j] = midA[i] === midB[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length || j < midB.length) {
      if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
        middle.push({ kind: " ", line: midA[i++] });
        j++;
      } else if (i < midA.length && (j === midB.length || table[(i + 1) * width + j] >= table[i * width + j + 1])) {
        middle.push({ kind: "-", line: midA[i++] });
      } else {
        middle.push({ kind: "+", line: midB[j++] });
      }
    }
  }
  return [
    ...a.slice(0, start).map((line) => ({ kind: " " as const, line })),
    ...middle,
    ...a.slice(endA).map((line) => ({ kind: " " as const, line })),
  ];
}

function renderLine(op: Op): string {
  return op.line.endsWith("\n") ? `${op.kind}${op.line}` : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${count === 0 ? start - 1 : start},${count}`;
}

/**
 * The unified diff from `before` to `after` (three lines of context), or an empty string when
 * they are equal.
 *
 * @example
 * ```ts
 * unifiedDiff("Dockerfile", "FROM a\nADD x /x\n", "FROM a\nCOPY x /x\n");
 * // --- a/Dockerfile
 * // +++ b/Dockerfile
 * // @@ -1,2 +1,2 @@
 * //  FROM a
 * // -ADD x /x
 * // +COPY x /x
 * ```
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return "";
  const ops = lineOps(splitKeepingEnds(before), splitKeepingEnds(after));
  const changed = ops.flatMap((op, index) => (op.kind === " " ? [] : [index]));
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let next = 0;
  while (next < changed.length) {
    const first = changed[next];
    let last = first;
    while (next + 1 < changed.length && changed[next + 1] - last <= 2 * CONTEXT) last = changed[++next];
    next++;
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length, last + CONTEXT + 1);
    const oldStart = ops.slice(0, from).filter((op) => op.kind !== "+").length + 1;
    const newStart = ops.slice(0, from).filter((op) => op.kind !== "-").length + 1;
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.kind !== "+").length;
    const newCount = hunk.filter((op) => op.kind !== "-").length;
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${hunk.map(renderLine).join("")}`;
  }
  return out;
}
