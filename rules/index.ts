/**
 * The registry of rules, sorted by id. One rule a file in this folder, file name = rule id;
 * `test/rules/parity.test.ts` fails when a rule file is missing here, or lacks tests or docs.
 */
import type { RuleModule } from "../src/engine/rule.js";
import aptNoInstallRecommends from "./apt-no-install-recommends.js";
import assumeYes from "./assume-yes.js";
import consistentInstructionCasing from "./consistent-instruction-casing.js";
import definitionDescription from "./definition-description.js";
import directiveCasing from "./directive-casing.js";
import fromAsCasing from "./from-as-casing.js";
import fromFirst from "./from-first.js";
import noDistUpgrade from "./no-dist-upgrade.js";
import noEmptyContinuation from "./no-empty-continuation.js";
import noSeparateUpdate from "./no-separate-update.js";
import noSystemUpgrade from "./no-system-upgrade.js";
import pinLanguagePackages from "./pin-language-packages.js";
import pinOsPackages from "./pin-os-packages.js";
import preferAptGet from "./prefer-apt-get.js";
import preferCopy from "./prefer-copy.js";
import shellJsonForm from "./shell-json-form.js";
import stageNameCasing from "./stage-name-casing.js";
import unknownInstruction from "./unknown-instruction.js";
import validArguments from "./valid-arguments.js";
import validFlags from "./valid-flags.js";
import validHealthcheck from "./valid-healthcheck.js";

/** Every rule of dockerlint, sorted by id. */
export const allRules: readonly RuleModule<never>[] = ([
  aptNoInstallRecommends,
  assumeYes,
  consistentInstructionCasing,
  definitionDescription,
  directiveCasing,
  fromAsCasing,
  fromFirst,
  noDistUpgrade,
  noEmptyContinuation,
  noSeparateUpdate,
  noSystemUpgrade,
  pinLanguagePackages,
  pinOsPackages,
  preferAptGet,
  preferCopy,
  shellJsonForm,
  stageNameCasing,
  unknownInstruction,
  validArguments,
  validFlags,
  validHealthcheck,
] as RuleModule<never>[]).sort((a, b) => a.meta.id.localeCompare(b.meta.id));

/** Rules by id. */
export const rulesById: ReadonlyMap<string, RuleModule<never>> = new Map(allRules.map((r) => [r.meta.id, r]));
