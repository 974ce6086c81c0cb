/**
 * What a rule is: metadata (id, docs, options schema, aliases in other tools) and a check that
 * reads the syntax tree and the semantic model and reports findings.
 */
import type { Dockerfile, Node, Position, Range } from "../ast/nodes.js";
import type { SemanticModel } from "../model/index.js";
import type { FixSafety, RuleCategory, Severity, TextEdit } from "./types.js";

/** A JSON Schema (draft-07) object, as ajv takes it. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Documentation of a rule; `docs/rules/<id>.md` is generated from it. */
export interface RuleDocs {
  /** Why the problem matters, in a few sentences. */
  readonly why: string;
  /** Dockerfiles this rule reports (each must produce at least one finding of the rule). */
  readonly bad: readonly string[];
  /** Dockerfiles this rule accepts (each must produce no finding of the rule). */
  readonly good: readonly string[];
  /** Extra notes: exceptions, differences from other tools. */
  readonly notes?: string;
  /** Links to the Dockerfile reference, BuildKit's docs, other tools' rule pages. */
  readonly references?: readonly string[];
}

/** Everything a rule declares about itself. */
export interface RuleMeta {
  /** Kebab-case id; ids are API and never reused. */
  readonly id: string;
  /** One line, starting with Enforce, Require or Disallow, no final period. */
  readonly description: string;
  /** The documentation category. */
  readonly category: RuleCategory;
  /** Default severity; `off` for opt-in rules. */
  readonly severity: Severity | "off";
  /** Whether the rule offers fixes, and how safe they are. */
  readonly fixable: FixSafety | "none";
  /** Ids of the same check in hadolint, BuildKit, Trivy, Checkov; findings carry the ones that apply. */
  readonly aliases: readonly string[];
  /** Message templates by id; `{{name}}` is replaced by the report's data. */
  readonly messages: Readonly<Record<string, string>>;
  /** JSON Schema of the options object (properties with defaults). */
  readonly schema?: JsonSchema;
  /** The rule's documentation. */
  readonly docs: RuleDocs;
  /** The rule also checks instructions inside ONBUILD triggers (the engine does not unwrap them; the rule does). */
  readonly appliesInOnbuild?: boolean;
  /** The version that added the rule. */
  readonly since: string;
}

/** A fix offered with a finding. */
export interface RuleFix {
  /** Overrides the rule's `fixable` for this fix. */
  readonly safety?: FixSafety;
  /** Non-overlapping edits applied together. */
  readonly edits: readonly TextEdit[];
}

/** What a rule reports. */
export interface RuleReport {
  /** A key of the rule's `messages`. */
  readonly messageId: string;
  /** Values for the message's `{{placeholders}}`. */
  readonly data?: Readonly<Record<string, string | number>>;
  /** The narrowest node that explains the problem, or an explicit range. */
  readonly node?: Node;
  /** An explicit span, when no node fits. */
  readonly range?: Range;
  /** The aliases that apply to this finding (default: all of the rule's aliases). */
  readonly aliases?: readonly string[];
  /** A fix for the finding. */
  readonly fix?: RuleFix;
}

/** What a rule's check receives; valid only while `check` runs (lint hands the same object to each rule in turn). */
export interface RuleContext<Options = Record<string, unknown>> {
  /** The Dockerfile text. */
  readonly source: string;
  /** Its syntax tree. */
  readonly ast: Dockerfile;
  /** Its semantic model. */
  readonly model: SemanticModel;
  /** The rule's options, defaults filled in, validated against its schema. */
  readonly options: Options;
  /** The path of the file being linted, when known (for checks that look next to it). */
  readonly filePath: string | undefined;
  /** The 1-based line and column of a source offset (for messages that name another line). */
  position(offset: number): Position;
  /** Reports a finding. */
  report(report: RuleReport): void;
}

/** A rule: metadata and a check. */
export interface RuleModule<Options = Record<string, unknown>> {
  /** What the rule is. */
  readonly meta: RuleMeta;
  /** Reads the context and reports findings. */
  check(context: RuleContext<Options>): void;
}

/**
 * Declares a rule with typed options (an identity function that helps type inference).
 *
 * @example
 * ```ts
 * export default defineRule({ meta: { id: "no-x", ... }, check(context) { ... } });
 * ```
 */
export function defineRule<Options = Record<string, unknown>>(rule: RuleModule<Options>): RuleModule<Options> {
  return rule;
}
