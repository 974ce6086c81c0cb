/**
 * What the rules that read RUN commands share: every RUN once (ONBUILD RUN triggers included,
 * analysed where they are declared), the offset of a shell operator between two commands, option
 * words, and insert-after-a-word fixes.
 * Files starting with `_` are helpers, not rules.
 */
import type { Range } from "../../src/ast/nodes.js";
import type { RuleFix } from "../../src/engine/rule.js";
import type { SemanticModel } from "../../src/model/index.js";
import type { PackageOperation } from "../../src/model/package-managers/types.js";
import type { RunAnalysis } from "../../src/model/runs.js";
import type { ShellWord, SimpleCommand } from "../../src/model/shell-types.js";
import { hasTriggers } from "./instructions.js";

/**
 * Every RUN of the Dockerfile once: the RUNs of each stage, and RUN triggers of ONBUILD
 * instructions (a trigger a child stage inherits comes from `model.runs`; one no stage inherits is
 * analysed in the scope and shell where it is declared).
 *
 * @example
 * ```ts
 * runsToCheck(analyze("FROM a\nONBUILD RUN sudo x\n")).map((r) => r.onbuild); // [true]
 * ```
 */
export function runsToCheck(model: SemanticModel): readonly RunAnalysis[] {
  // Without ONBUILD triggers, every RUN runs in one stage only: the model lists each once.
  return hasTriggers(model) ? model.derived(runsToCheck, collectRuns) : model.runs;
}

function collectRuns(model: SemanticModel): RunAnalysis[] {
  const seen = new Set<unknown>();
  const runs: RunAnalysis[] = [];
  for (const run of model.runs) {
    if (seen.has(run.instruction)) continue;
    seen.add(run.instruction);
    runs.push(run);
  }
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.type !== "ONBUILD" || instruction.trigger?.type !== "RUN" || seen.has(instruction.trigger)) continue;
      seen.add(instruction.trigger);
      const run = model.triggerRunOf(instruction);
      if (run !== undefined) runs.push(run);
    }
  }
  return runs;
}

/**
 * The source offset of the operator `op` (`|`, `;`) that joins `after` to the command before it
 * (the last occurrence between them in the source), or undefined.
 *
 * @example
 * ```ts
 * operatorBefore(source, commands[0], commands[1], "|"); // offset of `|` in `curl x | sh`
 * ```
 */
export function operatorBefore(source: string, before: SimpleCommand, after: SimpleCommand, op: string): number | undefined {
  const at = source.lastIndexOf(op, after.range[0] - 1);
  return at >= before.range[1] ? at : undefined;
}

/**
 * The range of a one-character operator at `offset`.
 *
 * @example
 * ```ts
 * charRange(41); // [41, 42]
 * ```
 */
export function charRange(offset: number): Range {
  return [offset, offset + 1];
}

/**
 * The word of a package operation's subcommand (`install` in `sudo apt-get -y install x`).
 *
 * @example
 * ```ts
 * subcommandWord(op)?.range; // the range of `install`, for a report or an insertion after it
 * ```
 */
export function subcommandWord(op: PackageOperation): ShellWord | undefined {
  const last = op.subcommand[op.subcommand.length - 1];
  if (last === undefined) return undefined;
  for (const word of op.command.args) if (word.value === last && !isOptionValue(op, word)) return word;
  return undefined;
}

/** Whether `word` is the separate value of one of the operation's options (`-t bookworm`). */
function isOptionValue(op: PackageOperation, word: ShellWord): boolean {
  for (const option of op.options) if (option.valueWord === word && option.word !== word) return true;
  return false;
}

/**
 * A fix that inserts ` text` after `word`.
 *
 * @example
 * ```ts
 * insertAfter(installWord, "--no-install-recommends"); // apt-get install --no-install-recommends curl
 * ```
 */
export function insertAfter(word: ShellWord, text: string): RuleFix {
  return { edits: [{ range: [word.range[1], word.range[1]], text: ` ${text}` }] };
}

/**
 * The words of an operation that name registry packages without a version, each with the package
 * names it stands for. Files, paths and URLs are left out, and so are words with an expansion
 * (`$PACKAGES`, `python3-$V`): what they install is decided elsewhere.
 *
 * @example
 * ```ts
 * unpinnedWords(op).map((u) => u.names); // [["curl"]] for `apt-get install curl git=1:2.39.* ./x.deb $EXTRA`
 * ```
 */
export function unpinnedWords(op: PackageOperation): { word: ShellWord; names: string[] }[] {
  const found: { word: ShellWord; names: string[] }[] = [];
  for (const pkg of op.packages) {
    if (pkg.pinned || pkg.isFile || pkg.isVariable || !isPlainWord(pkg.word)) continue;
    const same = entryOf(found, pkg.word);
    if (same === undefined) found.push({ word: pkg.word, names: [pkg.name] });
    else same.names.push(pkg.name);
  }
  return found;
}

/** The entry of `word` (a word naming several packages is usually the last one seen). */
function entryOf(found: readonly { word: ShellWord; names: string[] }[], word: ShellWord): { word: ShellWord; names: string[] } | undefined {
  for (let i = found.length - 1; i >= 0; i--) if (found[i].word === word) return found[i];
  return undefined;
}

/** A word of literal text and globs only (no expansion or substitution). */
function isPlainWord(word: ShellWord): boolean {
  for (const part of word.parts) if (part.kind !== "literal" && part.kind !== "glob") return false;
  return true;
}

/** Programs that verify a download: checksum tools and signature verifiers. */
const VERIFIERS = new Set(["sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "md5sum", "shasum", "b2sum", "gpgv", "cosign", "minisign", "signify", "slsa-verifier"]);

/**
 * Whether a RUN checks what it downloads: it runs a checksum tool (`sha256sum -c`), `gpg --verify`,
 * `gpgv`, `cosign`, `minisign` or `openssl dgst`. A heuristic: the check is not matched to a file.
 *
 * @example
 * ```ts
 * verifiesDownloads(run); // true for `curl -o x.tgz … && echo "$SHA  x.tgz" | sha256sum -c -`
 * ```
 */
export function verifiesDownloads(run: RunAnalysis): boolean {
  for (const call of run.calls) {
    const program = call.program;
    if (VERIFIERS.has(program)) return true;
    if ((program === "gpg" || program === "gpg2") && call.args.some((a) => a.value === "--verify" || a.value === "--verify-files")) return true;
    if (program === "openssl" && call.args[0]?.value === "dgst") return true;
  }
  return false;
}

/**
 * The host of a URL, lower-cased; undefined when it is not a URL.
 *
 * @example
 * ```ts
 * urlHost("http://LOCALHOST:8080/x"); // "localhost"
 * ```
 */
export function urlHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
