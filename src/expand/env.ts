/**
 * The variables the shell-word lexer can see.
 *
 * @packageDocumentation
 */

/**
 * Variables visible to the lexer: a lookup function returning undefined for unset names.
 *
 * @example
 * ```ts
 * const env: EnvLookup = (name) => (name === "HOME" ? "/root" : undefined);
 * processWord("$HOME/bin", env); // { ok: true, value: "/root/bin", matched: ["HOME"], unmatched: [] }
 * ```
 */
export type EnvLookup = (name: string) => string | undefined;

/**
 * Build an {@link EnvLookup} from a plain record or a map. Only the record's own keys count, so
 * `constructor` or `__proto__` are unset unless the record defines them. A key set to `""` is set
 * (and empty), which matters for `${X-default}` versus `${X:-default}`.
 *
 * @example
 * ```ts
 * const env = envFrom({ PWD: "/home", NULL: "" });
 * env("PWD");         // "/home"
 * env("NULL");        // ""
 * env("constructor"); // undefined
 * envFrom(new Map([["A", "1"]]))("A"); // "1"
 * ```
 */
export function envFrom(record: Record<string, string> | ReadonlyMap<string, string>): EnvLookup {
  if (isMap(record)) return (name) => record.get(name);
  return (name) => (Object.hasOwn(record, name) ? record[name] : undefined);
}

function isMap(value: Record<string, string> | ReadonlyMap<string, string>): value is ReadonlyMap<string, string> {
  return value instanceof Map;
}

/**
 * An {@link EnvLookup} in which nothing is set.
 *
 * @example
 * ```ts
 * emptyEnv("HOME"); // undefined
 * ```
 */
export const emptyEnv: EnvLookup = () => undefined;
