/** Run settings that come from the command line or, failing that, from a file's config. */
import type { DockerlintConfig } from "../engine/config.js";
import type { FailureThreshold } from "./options.js";

/**
 * Settings that the command line can override.
 *
 * @example
 * ```ts
 * const cli: RunSettings = { failureThreshold: undefined, maxFileSize: 2_000_000 };
 * ```
 */
export interface RunSettings {
  readonly failureThreshold: FailureThreshold | undefined;
  readonly maxFileSize: number | undefined;
}

/** The default `maxFileSize`: 1 MiB. */
const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/**
 * The failure threshold for a file: the command line's, else its config's, else `error`.
 *
 * @example
 * ```ts
 * failureThresholdOf({ failureThreshold: "warning" }, { failureThreshold: undefined, maxFileSize: undefined }); // "warning"
 * ```
 */
export function failureThresholdOf(config: DockerlintConfig, cli: RunSettings): FailureThreshold {
  return cli.failureThreshold ?? config.failureThreshold ?? "error";
}

/**
 * The size limit for a file: the command line's, else its config's, else 1 MiB.
 *
 * @example
 * ```ts
 * maxFileSizeOf({}, { failureThreshold: undefined, maxFileSize: undefined }); // 1048576
 * ```
 */
export function maxFileSizeOf(config: DockerlintConfig, cli: RunSettings): number {
  return cli.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
}
