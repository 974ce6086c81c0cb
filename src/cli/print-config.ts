/** `--print-config <file>`: the configuration that applies to a file, every rule spelled out. */
import { effectiveRule, normaliseSeverity, type DockerlintConfig, type SeveritySetting } from "../engine/config.js";
import type { RuleModule } from "../engine/rule.js";
import { failureThresholdOf, maxFileSizeOf, type RunSettings } from "./run-settings.js";

/**
 * The effective configuration as JSON: the config file used, the run settings, each rule's
 * severity and options, and the alias entries.
 *
 * @example
 * ```ts
 * JSON.parse(printConfig(config, "/repo/.dockerlintrc.json", allRules, cli)).rules["prefer-copy"];
 * // { severity: "warning", options: {} }
 * ```
 */
export function printConfig(config: DockerlintConfig, path: string | undefined, rules: readonly RuleModule<never>[], cli: RunSettings): string {
  const ids = new Set(rules.map((rule) => rule.meta.id));
  const aliases = Object.fromEntries(
    Object.entries(config.rules ?? {})
      .filter(([key, setting]) => !ids.has(key) && typeof setting === "string")
      .map(([key, setting]) => [key, normaliseSeverity(setting as SeveritySetting)]),
  );
  const effective = {
    configFile: path ?? null,
    failureThreshold: failureThresholdOf(config, cli),
    maxFileSize: maxFileSizeOf(config, cli),
    ignores: config.ignores ?? [],
    shellcheck: config.shellcheck ?? false,
    rules: Object.fromEntries(rules.map((rule) => [rule.meta.id, effectiveRule(rule, config)])),
    aliases,
    ...(config.baseImageLayers === undefined ? {} : { baseImageLayers: config.baseImageLayers }),
  };
  return JSON.stringify(effective, null, 2) + "\n";
}
