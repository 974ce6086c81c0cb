/**
 * dockerlint: a Dockerfile parser, semantic model, linter and build planner that reads
 * Dockerfiles exactly as BuildKit does.
 *
 * @packageDocumentation
 */
export { parse } from "./parse.js";
export { print } from "./ast/print.js";
export { toBuildkitDump } from "./ast/buildkit-dump.js";
export type * from "./ast/nodes.js";
export { toDockerFileParserCommands, type DockerFileParserCommand, type DockerFileParserOptions } from "./compat/docker-file-parser.js";
export { analyze, type AnalyzeOptions, type SemanticModel } from "./model/index.js";
export type * from "./model/index.js";
export type {
  ChmodOperation,
  ChownOperation,
  DownloadOperation,
  ExtractOperation,
  FilePath,
  MkdirOperation,
  RemoveOperation,
} from "./model/file-operations.js";
export type {
  CacheUse,
  OperationDraft,
  PackageManager,
  PackageOperationKind,
  PackageOption,
  PackageSpec,
} from "./model/package-managers/types.js";
export type { CacheQuery, PackageCache } from "./model/package-managers/caches.js";
export type { ParsedOption, VariableLookup } from "./model/package-managers/command-line.js";
export { lint, type LintOptions } from "./engine/lint.js";
export { fixText, applyFixes, type AppliedFixes, type FixOptions, type FixResult } from "./engine/fix.js";
export {
  configSchema,
  validateConfig,
  loadConfigFile,
  findConfigFile,
  type ConfigResult,
  type DockerlintConfig,
  type RuleSetting,
  type SeveritySetting,
} from "./engine/config.js";
export { defineRule, type JsonSchema, type RuleModule, type RuleMeta, type RuleContext, type RuleReport, type RuleDocs, type RuleFix } from "./engine/rule.js";
export type * from "./engine/types.js";
export { LINT_RESULT_FORMAT_VERSION } from "./engine/types.js";
export { allRules, rulesById } from "../rules/index.js";
export { formatters, FORMAT_NAMES, type FormatName, type Formatter, type FormatContext } from "./formatters/index.js";
export type * from "./model/shell-types.js";
export {
  plan,
  formatPlan,
  formatText as formatPlanText,
  formatMermaid,
  formatDot,
  planToJson,
  type Plan,
  type PlanOptions,
  type PlanFormat,
  type PlanJson,
  type CountJson,
  type Opportunity,
  type OpportunityKind,
  type OpportunitySize,
  type StagePlan,
  type ImagePlan,
  type PlannedBase,
  type WhatIf,
  type Builder,
  type Step,
  type Span,
  type LayerTotal,
  type ChainRoot,
} from "./planner/index.js";
export { fileFlow } from "./model/flow/index.js";
export type * from "./model/flow/types.js";
