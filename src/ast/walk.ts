/** Generic traversal of the syntax tree. */
import type { Node } from "./nodes.js";

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string" && Array.isArray((value as Node).range);
}

/**
 * Calls `visit` for `root` and every node below it, parents before children, in field order.
 *
 * @example
 * ```ts
 * let words = 0;
 * forEachNode(parse("FROM a AS b\n").ast, (n) => { if (n.type === "Word") words++; });
 * ```
 */
export function forEachNode(root: Node, visit: (node: Node, parent: Node | undefined) => void): void {
  const stack: [Node, Node | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    visit(node, parent);
    const children: Node[] = [];
    for (const key in node) {
      if (key === "body" && node.type === "Dockerfile") continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], node]);
  }
}
