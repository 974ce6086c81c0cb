/**
 * The registry of rules, sorted by id. One rule a file in this folder, file name = rule id;
 * `test/rules/parity.test.ts` fails when a rule file is missing here, or lacks tests or docs.
 */
import type { RuleModule } from "../src/engine/rule.js";
import fromFirst from "./from-first.js";
import preferCopy from "./prefer-copy.js";
import shellJsonForm from "./shell-json-form.js";
import unknownInstruction from "./unknown-instruction.js";
import validArguments from "./valid-arguments.js";
import validFlags from "./valid-flags.js";
import validHealthcheck from "./valid-healthcheck.js";

/** Every rule of dockerlint, sorted by id. */
export const allRules: readonly RuleModule<never>[] = ([
  fromFirst,
  preferCopy,
  shellJsonForm,
  unknownInstruction,
  validArguments,
  validFlags,
  validHealthcheck,
] as RuleModule<never>[]).sort((a, b) => a.meta.id.localeCompare(b.meta.id));

/** Rules by id. */
export const rulesById: ReadonlyMap<string, RuleModule<never>> = new Map(allRules.map((r) => [r.meta.id, r]));
