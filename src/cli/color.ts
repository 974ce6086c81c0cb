/** Whether the human output uses colour: `--color`/`--no-color`, then `FORCE_COLOR` and `NO_COLOR`, then whether stdout is a terminal. */

/**
 * Decides colour. `FORCE_COLOR` set to anything but `0`/`false` forces it (as in Node); a non-empty
 * `NO_COLOR` disables it (no-color.org); the flags win over both.
 *
 * @example
 * ```ts
 * useColor(undefined, { NO_COLOR: "1" }, true); // false
 * useColor(true, { NO_COLOR: "1" }, false);     // true
 * ```
 */
export function useColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY;
}
