/**
 * The semantic model: stages and their dependency graph, build plans, variables as BuildKit scopes
 * and expands them, RUN mounts and flags, and what every RUN does.
 *
 * @packageDocumentation
 */
export { analyze, type AnalyzeOptions, type InstructionRef, type SemanticModel } from "./analyze.js";
export type { ModelDiagnostic, ModelDiagnosticCode } from "./diagnostics.js";
export { expandText, expansionSite, type Expansion, type ExpansionMode, type ExpansionSite, type ValueLookup } from "./expansion.js";
export type { EdgeKind, StageEdge, StageGraph } from "./graph.js";
export { parseMount, type Mount, type MountSharing, type MountType } from "./mounts.js";
export { parseRunFlags, type NetworkMode, type RunFlags, type SecurityMode } from "./run-flags.js";
export type { RunAnalysis, RunCall } from "./runs.js";
export type { CommandCall } from "./package-managers/command-line.js";
export type { RunForm, RunScript } from "./run-script.js";
export { PLATFORM_ARGS } from "./globals.js";
export type { Scope, ScopeOptions, Variable, VariableKind } from "./scope.js";
export { shellKindOf, type ShellKind, type StageShell } from "./stage-shell.js";
export type { Stage, StageBase } from "./stages.js";
export { stagesNeededBy, type TargetPlan } from "./target.js";
export type { ImageReference, Part } from "./image-ref.js";
export type { FileOperation } from "./file-operations.js";
export type { CacheLeftBehind, PackageOperation } from "./package-managers/index.js";
export type { ShellScript } from "./shell-types.js";
