/**
 * The build stages of a Dockerfile (§12): what each FROM starts (an image, an earlier stage or
 * `scratch`, after expanding it against the global scope), the instructions that belong to it, the
 * ONBUILD triggers it inherits, and its variables and shell.
 *
 * @packageDocumentation
 */
import type { ArgInstruction, Dockerfile, FromInstruction, Instruction, Range, Word } from "../ast/nodes.js";
import { diagnosticAt, type ModelDiagnostic } from "./diagnostics.js";
import { expandText, type Expansion } from "./expansion.js";
import { parseImageReference, type ImageReference } from "./image-ref.js";
import { globalScope, metaArgScope, platformVariables, type GlobalScope } from "./globals.js";
import { emptyScope, type Scope, type ScopeOptions } from "./scope.js";
import { walkStage, type StageState, type StageWalk } from "./stage-walk.js";
import { looksWindows, POSIX_SHELL, WINDOWS_SHELL, type ShellKind, type StageShell } from "./stage-shell.js";
import { itself, lastAtOrBefore } from "../util/arrays.js";

/**
 * What a stage is built on: an image, an earlier stage, or `scratch`.
 *
 * @example
 * ```ts
 * analyze("FROM alpine AS a\nFROM a\nFROM scratch\n").stages.map((s) => s.base.kind); // ["image", "stage", "scratch"]
 * ```
 */
export type StageBase =
  | {
      /** An image from a registry. */
      readonly kind: "image";
      /** The base name after expansion. */
      readonly name: string;
      /** The parsed reference; undefined when the name has unknown variables or is invalid. */
      readonly ref: ImageReference | undefined;
      /** Why the name does not parse as a reference. */
      readonly error: string | undefined;
      /** Variables the name needs that have no known value. */
      readonly unresolved: readonly string[];
    }
  | {
      /** An earlier stage of the same Dockerfile. */
      readonly kind: "stage";
      /** The index of that stage. */
      readonly index: number;
    }
  | {
      /** The empty image. */
      readonly kind: "scratch";
    };

/**
 * One build stage: a FROM and the instructions up to the next FROM.
 *
 * @example
 * ```ts
 * const [stage] = analyze("FROM golang AS Build\nRUN go build\n").stages;
 * [stage.index, stage.name, stage.nameWord?.value, stage.instructions.length]; // [0, "build", "Build", 1]
 * ```
 */
export interface Stage {
  /** 0-based, in file order. */
  readonly index: number;
  /** The name, lowercased as BuildKit does; undefined for an unnamed stage. */
  readonly name: string | undefined;
  /** The stage name as written. */
  readonly nameWord: Word | undefined;
  /** The name, or `stage-<index>` for an unnamed stage (BuildKit's name for it). */
  readonly id: string;
  /** The FROM instruction that starts it. */
  readonly from: FromInstruction;
  /** What it is built on. */
  readonly base: StageBase;
  /** The `--platform` value expanded against the global scope; undefined without the flag. */
  readonly platform: Expansion | undefined;
  /** The stage's own instructions after its FROM (ONBUILD instructions kept as such). */
  readonly instructions: readonly Instruction[];
  /** ONBUILD triggers of the parent stage, which run before {@link instructions}. */
  readonly triggers: readonly Instruction[];
  /** From the start of the FROM to the end of the last instruction. */
  readonly range: Range;
  /** Guessed from a Windows base image or platform, `` # escape=` ``, or a Windows parent stage. */
  readonly windows: boolean;
  /** ENV variables in definition order (the image config's `Env`), inherited from a parent stage. */
  readonly env: ReadonlyMap<string, string | undefined>;
  /** The shell in effect at the end of the stage. */
  readonly shell: StageShell;
  /** The family of {@link shell}: `powershell` and `cmd` stages get no shell analysis. */
  readonly shellKind: ShellKind;
}

/**
 * What {@link buildStages} returns: the stages, their walks, and where each instruction is. An
 * instruction's step in a stage is its place in the stage's walk: the inherited triggers, then the
 * stage's own instructions.
 *
 * @example
 * ```ts
 * const set: StageSet = buildStages(ast, {}, []);
 * const stage = set.stageIndexOf(run)!;
 * set.walks[stage].before[set.stepOf(run, stage)]; // the scope the RUN sees
 * ```
 */
export class StageSet {
  /** The instruction {@link positionOf} found last, and its position: callers ask for the stage, then the step. */
  private lastFound: Instruction | undefined;
  private lastPosition = -1;

  constructor(
    /** The ARG instructions before the first FROM. */
    readonly metaArgs: readonly ArgInstruction[],
    readonly globals: GlobalScope,
    readonly stages: readonly Stage[],
    /** The variable walk of each stage, by stage index. */
    readonly walks: readonly StageWalk[],
    /** The file's instructions (`ast.instructions`). */
    private readonly instructions: readonly Instruction[],
    /** The position of each stage's FROM in {@link instructions}, by stage index. */
    private readonly fromPositions: readonly number[],
  ) {}

  /** The stage an instruction belongs to (an inherited trigger: the first stage that inherits it); undefined for none. */
  stageIndexOf(instruction: Instruction): number | undefined {
    const position = this.positionOf(instruction);
    if (position >= 0) return this.stageAt(position);
    for (const stage of this.stages) if (stage.triggers.includes(instruction)) return stage.index;
    return undefined;
  }

  /** The step of `instruction` in the walk of stage `stage`; -1 when the stage does not run it (its FROM, say). */
  stepOf(instruction: Instruction, stage: number): number {
    const position = this.positionOf(instruction);
    const { triggers, instructions } = this.stages[stage];
    if (position < 0) return triggers.indexOf(instruction);
    const own = position - this.fromPositions[stage] - 1;
    return own >= 0 && own < instructions.length ? triggers.length + own : -1;
  }

  /** The position of an instruction in the file's list (ONBUILD triggers are not in it); -1 for none. */
  private positionOf(instruction: Instruction): number {
    if (instruction !== this.lastFound) {
      this.lastPosition = this.search(instruction);
      this.lastFound = instruction;
    }
    return this.lastPosition;
  }

  private search(instruction: Instruction): number {
    // Instructions are in source order and do not overlap: the one starting last at or before this
    // one's start is it, or this one is not in the list (an ONBUILD trigger, another file's).
    const found = lastAtOrBefore(this.instructions, startOf, instruction.range[0]);
    return this.instructions[found] === instruction ? found : -1;
  }

  /** The stage whose FROM is the last at or before `position`; undefined before the first FROM. */
  private stageAt(position: number): number | undefined {
    const stage = lastAtOrBefore(this.fromPositions, itself, position);
    return stage < 0 ? undefined : stage;
  }
}

const startOf = (instruction: Instruction): number => instruction.range[0];

const UNTRIGGERED = new Set(["ONBUILD", "FROM", "MAINTAINER"]);
const NO_TRIGGERS: readonly Instruction[] = [];
const NO_ENV: ReadonlyMap<string, string | undefined> = new Map();

/** The triggers of a stage's ONBUILD instructions that BuildKit would run. */
function triggersOf(stage: Stage): Instruction[] {
  const triggers: Instruction[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.type === "ONBUILD" && instruction.trigger !== undefined && !UNTRIGGERED.has(instruction.trigger.type)) {
      triggers.push(instruction.trigger);
    }
  }
  return triggers;
}

/** `earlierByName`: the most recent earlier stage of each name (FROM matches names exactly). */
function resolveBase(from: FromInstruction, name: Expansion, earlierByName: ReadonlyMap<string, number>): StageBase {
  if (name.unresolved.length > 0 || name.error !== undefined) {
    return { kind: "image", name: name.value, ref: undefined, error: name.error, unresolved: name.unresolved };
  }
  if (name.value === "scratch") return { kind: "scratch" };
  const stage = earlierByName.get(name.value);
  if (stage !== undefined) return { kind: "stage", index: stage };
  const parsed = from.image === undefined ? undefined : parseImageReference(name.value);
  return {
    kind: "image",
    name: name.value,
    ref: parsed?.ok === true ? parsed.ref : undefined,
    error: parsed === undefined ? undefined : parsed.ok ? undefined : parsed.error,
    unresolved: [],
  };
}

/** A FROM, its position in the file's instructions, and the instructions up to the next FROM. */
interface Group {
  readonly from: FromInstruction;
  readonly position: number;
  readonly instructions: Instruction[];
}

/** Splits the instructions into meta ARGs and one group per FROM. */
function groups(ast: Dockerfile): { metaArgs: ArgInstruction[]; stages: Group[] } {
  const metaArgs: ArgInstruction[] = [];
  const stages: Group[] = [];
  const instructions = ast.instructions;
  let position = 0;
  for (; position < instructions.length && instructions[position].type !== "FROM"; position++) {
    const instruction = instructions[position];
    if (instruction.type === "ARG") metaArgs.push(instruction);
  }
  while (position < instructions.length) {
    const from = instructions[position] as FromInstruction;
    let end = position + 1;
    while (end < instructions.length && instructions[end].type !== "FROM") end++;
    stages.push({ from, position, instructions: instructions.slice(position + 1, end) });
    position = end;
  }
  return { metaArgs, stages };
}

/**
 * Reads the stages of a Dockerfile: the global scope, then each FROM in order with its base
 * resolved (an exact, case-sensitive match on an earlier stage name, most recent first; `scratch`;
 * otherwise an image), and each stage's variables and shell.
 *
 * @example
 * ```ts
 * const { ast } = parse("FROM golang:1.22 AS Build\nRUN go build\nFROM build\n");
 * const { stages } = buildStages(ast, {}, []);
 * stages[0].name;  // "build"
 * stages[1].base;  // { kind: "stage", index: 0 }
 * ```
 */
export function buildStages(ast: Dockerfile, options: ScopeOptions, diagnostics: ModelDiagnostic[]): StageSet {
  const escape = ast.escapeChar;
  const { metaArgs, stages: groupsOfStages } = groups(ast);
  const globals = globalScope(metaArgs, options, escape, diagnostics);
  const stages: Stage[] = [];
  const walks: StageWalk[] = [];
  const byName = new Map<string, number>();
  // Made at the first base name that needs a variable with no known value, and then reused.
  let platformAssumed: Scope | undefined;
  const needed = (text: string): readonly string[] =>
    expandText(text, (platformAssumed ??= platformAssumedScope(metaArgs, options, escape)), escape, "word").unresolved;
  for (const { from, instructions } of groupsOfStages) {
    const index = stages.length;
    const name = expandText(from.image?.value ?? "", globals.scope, escape, "word");
    const platformWord = from.platform?.value;
    const platform = platformWord === undefined ? undefined : expandText(platformWord.value, globals.scope, escape, "word");
    if (platform?.error !== undefined) diagnostics.push(diagnosticAt(platformWord!, "expansion-error", platform.error));
    const base = resolveBase(from, name, byName);
    reportBase(from, name, base, stages, diagnostics, needed);
    const parent = base.kind === "stage" ? stages[base.index] : undefined;
    const windows = parent?.windows ?? (escape === "`" || looksWindows(name.value, platform?.value));
    const start: StageState = parent === undefined
      ? { scope: emptyScope(base.kind === "scratch"), env: NO_ENV, shell: windows ? WINDOWS_SHELL : POSIX_SHELL }
      : walks[parent.index].final;
    const triggers = parent === undefined ? NO_TRIGGERS : triggersOf(parent);
    const walk = walkStage({ index, instructions: triggers.length === 0 ? instructions : [...triggers, ...instructions], start, globals: globals.scope, options, escape, diagnostics });
    const last = instructions[instructions.length - 1] ?? from;
    const stageName = from.stageName?.value.toLowerCase();
    stages.push({
      index,
      name: stageName,
      nameWord: from.stageName,
      id: stageName ?? `stage-${index}`,
      from,
      base,
      platform,
      instructions,
      triggers,
      range: [from.range[0], last.range[1]],
      windows,
      env: walk.final.env,
      shell: walk.final.shell,
      shellKind: walk.final.shell.kind,
    });
    walks.push(walk);
    if (stageName !== undefined) byName.set(stageName, index);
  }
  return new StageSet(metaArgs, globals, stages, walks, ast.instructions, groupsOfStages.map((group) => group.position));
}

/**
 * The meta ARGs' scope once the automatic platform ARGs have values: BuildKit always sets those (to
 * the build's platforms), so the names a FROM still needs in it are the ones that want a `--build-arg`.
 */
function platformAssumedScope(metaArgs: readonly ArgInstruction[], options: ScopeOptions, escape: Dockerfile["escapeChar"]): Scope {
  const assumed: ScopeOptions = { ...options, platform: options.platform ?? ASSUMED_PLATFORM, buildPlatform: options.buildPlatform ?? ASSUMED_PLATFORM };
  return metaArgScope(metaArgs, platformVariables(assumed), assumed, escape);
}

/** Any platform will do for {@link platformAssumedScope}: it tells which names stay unknown, not what a name becomes. */
const ASSUMED_PLATFORM = "linux/amd64";

/**
 * BuildKit's errors about a FROM base, and a warning when its name is unknown for want of a
 * `--build-arg` (`needed` names those; none when only the platform ARGs are unknown).
 */
function reportBase(
  from: FromInstruction, name: Expansion, base: StageBase, earlier: readonly Stage[], diagnostics: ModelDiagnostic[], needed: (text: string) => readonly string[],
): void {
  const image = from.image;
  if (image === undefined) return;
  if (name.error !== undefined) diagnostics.push(diagnosticAt(image, "expansion-error", name.error));
  else if (name.value === "" && name.unresolved.length === 0) {
    diagnostics.push(diagnosticAt(image, "blank-base-name", `base name (${image.value}) should not be blank`));
  } else if (base.kind === "image" && base.unresolved.length > 0) {
    const names = needed(image.value).join(", ");
    if (names === "") return;
    diagnostics.push(diagnosticAt(image, "unresolved-base", `base name (${image.value}) depends on ${names}, which has no known value`, "warning"));
  } else if (base.kind === "image" && base.error !== undefined) {
    const stage = earlier.find((s) => s.name === base.name.toLowerCase());
    const hint = stage === undefined ? "" : ` (FROM matches stage names case-sensitively: did you mean ${stage.name}?)`;
    diagnostics.push(diagnosticAt(image, "invalid-base-image", `${base.error}${hint}`));
  }
}
