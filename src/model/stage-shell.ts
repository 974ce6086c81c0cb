/**
 * The shell a stage runs shell-form commands with: `SHELL` in exec form, the default
 * `/bin/sh -c`, or `cmd /S /C` on Windows images, and what family of shell it is.
 *
 * @packageDocumentation
 */
import type { ShellInstruction } from "../ast/nodes.js";

/**
 * The family of a shell: only `posix` shells get shell analysis.
 *
 * @example
 * ```ts
 * const kind: ShellKind = shellKindOf(["pwsh", "-c"]); // "powershell"
 * ```
 */
export type ShellKind = "posix" | "powershell" | "cmd";

/**
 * The shell in effect at some point of a stage.
 *
 * @example
 * ```ts
 * analyze('FROM a\nSHELL ["/bin/bash", "-c"]\nRUN x\n').shellAt(2)?.argv; // ["/bin/bash", "-c"]
 * ```
 */
export interface StageShell {
  /** The shell command line that shell-form commands are appended to, e.g. `["/bin/sh", "-c"]`. */
  readonly argv: readonly string[];
  /** Its family. */
  readonly kind: ShellKind;
  /** The SHELL instruction that set it; undefined for a default shell. */
  readonly instruction: ShellInstruction | undefined;
}

/**
 * The default shell of Linux images.
 *
 * @example
 * ```ts
 * POSIX_SHELL.argv; // ["/bin/sh", "-c"]
 * ```
 */
export const POSIX_SHELL: StageShell = { argv: ["/bin/sh", "-c"], kind: "posix", instruction: undefined };

/**
 * The default shell of Windows images.
 *
 * @example
 * ```ts
 * WINDOWS_SHELL.kind; // "cmd"
 * ```
 */
export const WINDOWS_SHELL: StageShell = { argv: ["cmd", "/S", "/C"], kind: "cmd", instruction: undefined };

/**
 * The family of a shell command line, from its program's base name.
 *
 * @example
 * ```ts
 * shellKindOf(["powershell", "-Command"]);              // "powershell"
 * shellKindOf(["C:\\Windows\\System32\\cmd.exe", "/C"]); // "cmd"
 * shellKindOf(["/bin/bash", "-o", "pipefail", "-c"]);   // "posix"
 * ```
 */
export function shellKindOf(argv: readonly string[]): ShellKind {
  const program = (argv[0] ?? "").split(/[\\/]/).pop()!.toLowerCase().replace(/\.exe$/, "");
  if (program === "powershell" || program === "pwsh") return "powershell";
  return program === "cmd" ? "cmd" : "posix";
}

/**
 * The shell a SHELL instruction sets; undefined when it is not in exec form with at least one element
 * (BuildKit rejects those, and the previous shell stays).
 *
 * @example
 * ```ts
 * shellOf(shellInstruction)?.argv; // ["pwsh", "-Command"] for SHELL ["pwsh", "-Command"]
 * ```
 */
export function shellOf(instruction: ShellInstruction): StageShell | undefined {
  const command = instruction.command;
  if (command?.type !== "ExecForm" || command.elements.length === 0) return undefined;
  const argv = command.elements.map((element) => element.value);
  return { argv, kind: shellKindOf(argv), instruction };
}

const WINDOWS_IMAGE = /(^|[/:_.-])(windows|windowsservercore|servercore|nanoserver)([/:_.-]|$)|ltsc20\d\d/i;

/**
 * Guesses that a base image is Windows from its name (`mcr.microsoft.com/windows/servercore`,
 * `…:ltsc2022`, `golang:1.22-nanoserver`) or its platform (`windows/amd64`).
 *
 * @example
 * ```ts
 * looksWindows("mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022", undefined); // true
 * looksWindows("alpine:3.20", "windows/amd64");                                     // true
 * looksWindows("alpine:3.20", undefined);                                           // false
 * ```
 */
export function looksWindows(imageName: string, platform: string | undefined): boolean {
  return WINDOWS_IMAGE.test(imageName) || /^windows(\/|$)/i.test(platform ?? "");
}
