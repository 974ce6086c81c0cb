/** Path containment, for keeping searches and fixes inside the scanned folder. */
import { sep } from "node:path";

/**
 * Whether the absolute path `path` is `folder` or inside it.
 *
 * @example
 * ```ts
 * isInside("/repo/a/Dockerfile", "/repo"); // true
 * isInside("/repository", "/repo");        // false
 * ```
 */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
