/**
 * A RUN's flags as BuildKit reads them: `--mount` (see {@link parseMount}), and `--network` and
 * `--security`, which are never expanded.
 *
 * @packageDocumentation
 */
import type { Dockerfile, RunInstruction } from "../ast/nodes.js";
import { diagnosticAt, type ModelDiagnostic } from "./diagnostics.js";
import type { ValueLookup } from "./expansion.js";
import { parseMount, type Mount } from "./mounts.js";

/**
 * The network a RUN has.
 *
 * @example
 * ```ts
 * const network: NetworkMode = "none";
 * ```
 */
export type NetworkMode = "default" | "none" | "host";

/**
 * The security mode a RUN has.
 *
 * @example
 * ```ts
 * const security: SecurityMode = "insecure";
 * ```
 */
export type SecurityMode = "sandbox" | "insecure";

/**
 * What {@link parseRunFlags} returns.
 *
 * @example
 * ```ts
 * const { mounts, network, security, diagnostics }: RunFlags = model.runs[0].flags;
 * ```
 */
export interface RunFlags {
  /** The valid mounts, in flag order. */
  readonly mounts: readonly Mount[];
  /** `--network`, `default` when absent or invalid. */
  readonly network: NetworkMode;
  /** `--security`, `sandbox` when absent or invalid. */
  readonly security: SecurityMode;
  /** Invalid mounts, networks and security modes. */
  readonly diagnostics: readonly ModelDiagnostic[];
}

const NO_FLAGS: RunFlags = { mounts: [], network: "default", security: "sandbox", diagnostics: [] };
const NETWORKS: readonly string[] = ["default", "none", "host"];
const SECURITY: readonly string[] = ["sandbox", "insecure"];

/**
 * Reads a RUN's `--mount`, `--network` and `--security` flags (`--network` and `--security` are not expanded).
 *
 * @example
 * ```ts
 * const { ast } = parse("FROM alpine\nRUN --network=none --mount=type=secret,id=npm make\n");
 * const flags = parseRunFlags(ast.instructions[1] as RunInstruction, new Map(), "\\");
 * flags.network;          // "none"
 * flags.mounts[0].target; // "/run/secrets/npm"
 * ```
 */
export function parseRunFlags(run: RunInstruction, vars: ValueLookup, escape: Dockerfile["escapeChar"]): RunFlags {
  if (run.flags.length === 0) return NO_FLAGS;
  const mounts: Mount[] = [];
  const diagnostics: ModelDiagnostic[] = [];
  let network: NetworkMode = "default";
  let security: SecurityMode = "sandbox";
  let sshMounts = 0;
  for (const flag of run.flags) {
    const value = flag.value?.value;
    if (flag.name.value === "mount") {
      const result = parseMount(flag, vars, escape, sshMounts);
      if (result.mount !== undefined) {
        mounts.push(result.mount);
        if (result.mount.type === "ssh") sshMounts++;
      }
      for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
    } else if (flag.name.value === "network" && value !== undefined) {
      if (NETWORKS.includes(value)) network = value as NetworkMode;
      else diagnostics.push(diagnosticAt(flag, "invalid-network", `invalid network mode "${value}"`));
    } else if (flag.name.value === "security" && value !== undefined) {
      if (SECURITY.includes(value)) security = value as SecurityMode;
      else diagnostics.push(diagnosticAt(flag, "invalid-security", `security "${value}" is not valid`));
    }
  }
  return { mounts, network, security, diagnostics };
}
