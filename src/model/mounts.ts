/**
 * `RUN --mount` as BuildKit reads it (§9.3): each mount is a CSV record of `key=value` or bare
 * keys, checked field by field in order, with values expanded against the stage env.
 *
 * @packageDocumentation
 */
import type { Dockerfile, Flag } from "../ast/nodes.js";
import { diagnosticAt, type ModelDiagnostic } from "./diagnostics.js";
import { expandText, type ValueLookup } from "./expansion.js";
import { csvFields, parseBool, parseUint32, ramInBytes } from "./go-values.js";

/**
 * The kinds of mount.
 *
 * @example
 * ```ts
 * const type: MountType = "cache";
 * ```
 */
export type MountType = "bind" | "cache" | "tmpfs" | "secret" | "ssh";

/**
 * How concurrent builds share a cache mount.
 *
 * @example
 * ```ts
 * const sharing: MountSharing = "locked";
 * ```
 */
export type MountSharing = "shared" | "private" | "locked";

/**
 * One `--mount`, with BuildKit's defaults filled in.
 *
 * @example
 * ```ts
 * analyze("FROM a\nRUN --mount=type=secret,id=npm true\n").runs[0].flags.mounts[0];
 * // { type: "secret", id: "npm", target: "/run/secrets/npm", readonly: true, required: false, … }
 * ```
 */
export interface Mount {
  /** The kind of mount (`bind` when not given). */
  readonly type: MountType;
  /** Where it is mounted; for secrets `/run/secrets/<id>` by default. */
  readonly target: string | undefined;
  /** The path in the mounted source (`from` stage or image, or the context), or the secret's id. */
  readonly source: string | undefined;
  /** The stage or image mounted from (bind and cache), as written. */
  readonly from: string | undefined;
  /** The cache id (default: the target), secret id (default: source or the target's base name) or ssh id (`default`). */
  readonly id: string | undefined;
  /** Cache mounts only; `shared` by default. */
  readonly sharing: MountSharing | undefined;
  /** Read-only unless `rw`; cache and tmpfs mounts are writable by default. */
  readonly readonly: boolean;
  /** Secret and ssh mounts: fail when the secret or agent is missing. */
  readonly required: boolean;
  /** File mode (written in octal). */
  readonly mode: number | undefined;
  /** Owner user id. */
  readonly uid: number | undefined;
  /** Owner group id. */
  readonly gid: number | undefined;
  /** Tmpfs size limit in bytes. */
  readonly size: number | undefined;
  /** Secret mounts: the environment variable the secret is exposed as. */
  readonly env: string | undefined;
  /** The `--mount` flag it comes from. */
  readonly flag: Flag;
  /** Variables the values referenced without a known value. */
  readonly unresolved: readonly string[];
}

const MOUNT_TYPES: readonly string[] = ["bind", "cache", "tmpfs", "secret", "ssh"];
const SHARING: readonly string[] = ["shared", "private", "locked"];
const KEY_ALIASES: Readonly<Record<string, string>> = {
  src: "source", dst: "target", destination: "target", ro: "readonly", rw: "readwrite",
};


/** A mount being read, field by field (BuildKit's `instructions.Mount`). */
interface Draft {
  type: MountType;
  target?: string;
  source?: string;
  from?: string;
  id?: string;
  sharing?: MountSharing;
  readonly?: boolean;
  required: boolean;
  mode?: number;
  uid?: number;
  gid?: number;
  size?: number;
  env?: string;
}


/** The error of a key the mount's type does not take. */
function unexpectedKey(m: Draft, key: string): string {
  return `unexpected key '${key}' for mount type '${m.type}'`;
}

/** Applies one `key=value` field; returns an error message, or undefined when it is valid. */
function applyField(m: Draft, key: string, value: string, field: string): string | undefined {
  const canonical = KEY_ALIASES[key] ?? key;
  switch (canonical) {
    case "type":
      if (!MOUNT_TYPES.includes(value.toLowerCase())) return `unsupported mount type "${value}"`;
      m.type = value.toLowerCase() as MountType;
      return undefined;
    case "from":
      m.from = value;
      return undefined;
    case "source":
      m.source = value;
      return undefined;
    case "target":
      m.target = value;
      return undefined;
    case "id":
      m.id = value;
      return undefined;
    case "env":
      m.env = value;
      return undefined;
    case "readonly":
    case "readwrite": {
      const flag = parseBool(value);
      if (flag === undefined) return `invalid value for ${key}: ${value}`;
      m.readonly = canonical === "readonly" ? flag : !flag;
      return undefined;
    }
    case "required": {
      if (m.type !== "secret" && m.type !== "ssh") return unexpectedKey(m, key);
      const flag = parseBool(value);
      if (flag === undefined) return `invalid value for ${key}: ${value}`;
      m.required = flag;
      return undefined;
    }
    case "size":
      if (m.type !== "tmpfs") return unexpectedKey(m, key);
      m.size = ramInBytes(value);
      return m.size === undefined ? `invalid size value "${value}"` : undefined;
    case "sharing":
      if (m.type !== "cache") return unexpectedKey(m, key);
      if (!SHARING.includes(value.toLowerCase())) return `unsupported sharing value "${value}"`;
      m.sharing = value.toLowerCase() as MountSharing;
      return undefined;
    case "mode":
      m.mode = parseUint32(value, 8);
      return m.mode === undefined ? `invalid value for ${key}: ${value}` : undefined;
    case "uid":
    case "gid":
      m[canonical] = parseUint32(value, 10);
      return m[canonical] === undefined ? `invalid value for ${key}: ${value}` : undefined;
    default:
      return `unexpected key '${key}' in '${field}'`;
  }
}

/** Applies a bare key (`ro`, `rw`, `required`); returns an error message when it is not one. */
function applyBareKey(m: Draft, key: string, field: string): string | undefined {
  const canonical = KEY_ALIASES[key] ?? key;
  if (canonical === "readonly" || canonical === "readwrite") {
    m.readonly = canonical === "readonly";
    return undefined;
  }
  if (canonical === "required" && (m.type === "secret" || m.type === "ssh")) {
    m.required = true;
    return undefined;
  }
  if (canonical === "required") return unexpectedKey(m, key);
  return `invalid field '${field}' must be a key=value pair`;
}

/** The checks BuildKit makes once every field is read. */
function finalCheck(m: Draft): string | undefined {
  if (m.type !== "secret" && m.type !== "ssh" && m.type !== "cache" && (m.mode !== undefined || m.uid !== undefined || m.gid !== undefined)) {
    return `mode/uid/gid not allowed for ${m.type} mounts`;
  }
  if (m.sharing !== undefined && m.type !== "cache") return `invalid cache sharing set for ${m.type} mount`;
  if (m.type !== "secret") return undefined;
  if (m.from !== undefined) return "secret mount should not have a from";
  if (m.source === undefined && m.target === undefined && m.id === undefined) return "invalid secret mount. one of source, target required";
  if (m.source !== undefined && m.id !== undefined) return "both source and id can't be set";
  return undefined;
}

/** The mount a draft describes, with BuildKit's defaults for what it leaves out. */
function withDefaults(m: Draft, flag: Flag, unresolved: readonly string[], sshIndex: number): Mount {
  let { target, id, sharing } = m;
  switch (m.type) {
    case "cache":
      id ??= target;
      sharing ??= "shared";
      break;
    case "secret":
      id ??= m.source ?? (target === undefined ? undefined : target.split("/").pop());
      target ??= `/run/secrets/${id}`;
      sharing = undefined;
      break;
    case "ssh":
      target ??= `/run/buildkit/ssh_agent.${sshIndex}`;
      id ??= "default";
      sharing = undefined;
      break;
    default:
      sharing = undefined;
  }
  return {
    mode: m.mode,
    uid: m.uid,
    gid: m.gid,
    size: m.size,
    env: m.env,
    flag,
    unresolved,
    required: m.required,
    type: m.type,
    source: m.source,
    from: m.from,
    readonly: m.readonly ?? !(m.type === "cache" || m.type === "tmpfs"),
    target,
    id,
    sharing,
  };
}

/**
 * Parses one `--mount` value as BuildKit does. Values (except `from`) are expanded against `vars`;
 * an invalid mount gives a diagnostic on the flag instead.
 *
 * @param sshIndex - How many ssh mounts came before this one in the RUN (for the default target).
 * @example
 * ```ts
 * const { mount } = parseMount(run.flags[0], scope, "\\"); // --mount=type=cache,target=/root/.cache
 * mount?.type;    // "cache"
 * mount?.sharing; // "shared"
 * ```
 */
export function parseMount(
  flag: Flag,
  vars: ValueLookup,
  escape: Dockerfile["escapeChar"],
  sshIndex = 0,
): {
  /** The mount; undefined when BuildKit would reject it. */
  mount: Mount | undefined;
  /** Why it was rejected. */
  diagnostics: ModelDiagnostic[];
} {
  const fields = csvFields(flag.value?.value ?? "");
  if (typeof fields === "string") return invalidMount(flag, `parse error on mount value: ${fields}`);
  const m: Draft = { type: "bind", required: false };
  let unresolved: Set<string> | undefined;
  for (const field of fields) {
    const eq = field.indexOf("=");
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    let error: string | undefined;
    if (eq < 0) error = applyBareKey(m, key, field);
    else if (key === "from") {
      const value = field.slice(eq + 1);
      const dollar = value.indexOf("$");
      error = dollar >= 0 && dollar !== value.length - 1 ? "'from' doesn't support variable expansion, define alias stage instead" : applyField(m, key, value, field);
    } else {
      const expansion = expandText(field.slice(eq + 1), vars, escape, "word");
      for (const name of expansion.unresolved) (unresolved ??= new Set()).add(name);
      error = expansion.error ?? applyField(m, key, expansion.value, field);
    }
    if (error !== undefined) return invalidMount(flag, error);
  }
  const error = finalCheck(m);
  if (error !== undefined) return invalidMount(flag, error);
  return { mount: withDefaults(m, flag, unresolved === undefined ? [] : [...unresolved], sshIndex), diagnostics: [] };
}

/** What {@link parseMount} returns for a mount BuildKit rejects: a diagnostic on the flag's value. */
function invalidMount(flag: Flag, message: string): { mount: undefined; diagnostics: ModelDiagnostic[] } {
  return { mount: undefined, diagnostics: [diagnosticAt(flag.value ?? flag, "invalid-mount", message)] };
}

