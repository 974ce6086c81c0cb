/**
 * Problems the semantic model finds: what BuildKit would reject when it builds (not when it
 * parses), with stable codes and the range of the part to underline.
 *
 * @packageDocumentation
 */
import type { Location, Node, Range } from "../ast/nodes.js";

/**
 * The stable codes of {@link ModelDiagnostic}s.
 *
 * @example
 * ```ts
 * const code: ModelDiagnosticCode = "circular-dependency";
 * ```
 */
export type ModelDiagnosticCode =
  /** The requested target stage does not exist. */
  | "unknown-target"
  /** The Dockerfile has no FROM, so there is nothing to build. */
  | "no-stages"
  /** `COPY --from` names a stage that is not built yet at that point. */
  | "copy-from-forward-reference"
  /** `RUN --mount=from=` names a stage that is not built yet at that point. */
  | "mount-from-forward-reference"
  /** `COPY --from=<n>` with an index that is out of range. */
  | "invalid-stage-index"
  /** `COPY --from` would change under variable expansion, which BuildKit forbids. */
  | "from-expansion-not-supported"
  /** Stages depend on each other in a loop. */
  | "circular-dependency"
  /** A `--mount` value BuildKit rejects. */
  | "invalid-mount"
  /** A `--network` value other than `default`, `none`, `host`. */
  | "invalid-network"
  /** A `--security` value other than `sandbox`, `insecure`. */
  | "invalid-security"
  /** A FROM whose base name expands to nothing. */
  | "blank-base-name"
  /** A FROM base that is neither an earlier stage nor a valid image reference (`FROM Build` for stage `build`). */
  | "invalid-base-image"
  /** A warning: a FROM base name needs variables that have no known value besides the platform ARGs (which BuildKit always sets), so its stage or image is unknown. */
  | "unresolved-base"
  /** The variable lexer rejected a word (`${X`, an unclosed quote, …). */
  | "expansion-error";

/**
 * A problem found by the semantic model.
 *
 * @example
 * ```ts
 * analyze("FROM a\nCOPY --from=b / /\nFROM a AS b\n").diagnostics[0];
 * // { code: "copy-from-forward-reference", severity: "error", message: "cannot copy from stage \"b\", …", range, loc }
 * ```
 */
export interface ModelDiagnostic {
  /** What went wrong, as a stable code. */
  readonly code: ModelDiagnosticCode;
  /** `error` for what fails the build. */
  readonly severity: "error" | "warning";
  /** Plain-words message, BuildKit's wording where it has one. */
  readonly message: string;
  /** The part to underline, as UTF-16 offsets into the source. */
  readonly range: Range;
  /** The same as lines and columns. */
  readonly loc: Location;
}

/**
 * A diagnostic that underlines `node`.
 *
 * @example
 * ```ts
 * const d = diagnosticAt(copy.flags[0], "invalid-stage-index", "invalid stage index 7");
 * d.range; // the flag's range
 * ```
 */
export function diagnosticAt(
  node: Node,
  code: ModelDiagnosticCode,
  message: string,
  severity: ModelDiagnostic["severity"] = "error",
): ModelDiagnostic {
  return { code, severity, message, range: node.range, loc: node.loc };
}
