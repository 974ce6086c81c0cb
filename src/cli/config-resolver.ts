/**
 * The configuration that applies to each file: `--config`, or the nearest `.dockerlintrc.json` /
 * `package.json` `dockerlint` key (looked up once per folder, loaded once per file), with the
 * command line's `--rule` overrides on top.
 */
import { dirname, resolve } from "node:path";
import { findConfigFile, loadConfigFile, normaliseSeverity, type DockerlintConfig, type SeveritySetting } from "../engine/config.js";
import type { RuleModule } from "../engine/rule.js";
import { didYouMean } from "../engine/suggest.js";
import { ignoreLayer, type IgnoreLayer } from "./ignore-rules.js";

/**
 * A file's configuration, or the config error that applies to it.
 *
 * @example
 * ```ts
 * const resolved: ResolvedConfig = { ok: true, config: { rules: { "prefer-copy": "error" } }, path: "/repo/.dockerlintrc.json", ignores: undefined };
 * ```
 */
export type ResolvedConfig =
  | { ok: true; config: DockerlintConfig; path: string | undefined; ignores: IgnoreLayer | undefined }
  | { ok: false; message: string };

/**
 * Where configuration comes from.
 *
 * @example
 * ```ts
 * const source: ConfigSource = { cwd: "/repo", explicit: undefined, lookup: true, overrides: { "prefer-copy": "off" }, rules: allRules };
 * ```
 */
export interface ConfigSource {
  readonly cwd: string;
  /** `--config`: one file for every input. */
  readonly explicit?: string;
  /** Look for a config file next to each input (false with `--no-config-lookup`). */
  readonly lookup: boolean;
  /** `--rule` overrides, by rule id or alias. */
  readonly overrides: Readonly<Record<string, SeveritySetting>>;
  readonly rules: readonly RuleModule<never>[];
}

const SEVERITY_NAMES = ["off", "info", "warning", "warn", "error"];

/**
 * Parses `--rule <id|alias>:<severity>` values against the known ids and aliases.
 *
 * @example
 * ```ts
 * parseRuleOverrides(["prefer-copy:off", "DL3020:error"], allRules); // { ok: true, overrides: { "prefer-copy": "off", DL3020: "error" } }
 * parseRuleOverrides(["prefer-cpy:off"], allRules); // { ok: false, message: 'unknown rule "prefer-cpy" in --rule (did you mean "prefer-copy"?)' }
 * ```
 */
export function parseRuleOverrides(
  values: readonly string[],
  rules: readonly RuleModule<never>[],
): { ok: true; overrides: Record<string, SeveritySetting> } | { ok: false; message: string } {
  const ids = rules.flatMap((r) => [r.meta.id, ...r.meta.aliases]);
  const overrides: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const colon = value.lastIndexOf(":");
    if (colon <= 0) return { ok: false, message: `--rule expects <rule>:<severity> (e.g. prefer-copy:off), got "${value}"` };
    const id = value.slice(0, colon);
    const severity = value.slice(colon + 1);
    const known = ids.find((candidate) => candidate === id || candidate.toLowerCase() === id.toLowerCase());
    if (known === undefined) return { ok: false, message: `unknown rule "${id}" in --rule${didYouMean(id, ids)}` };
    if (!SEVERITY_NAMES.includes(severity)) {
      return { ok: false, message: `--rule ${id}: severity must be one of ${SEVERITY_NAMES.join(", ")}; got "${severity}"${didYouMean(severity, SEVERITY_NAMES)}` };
    }
    overrides[known] = severity as SeveritySetting;
  }
  return { ok: true, overrides };
}

function withOverrides(config: DockerlintConfig, overrides: Readonly<Record<string, SeveritySetting>>): DockerlintConfig {
  if (Object.keys(overrides).length === 0) return config;
  const rules = { ...config.rules };
  for (const [id, severity] of Object.entries(overrides)) {
    const current = rules[id];
    rules[id] = Array.isArray(current) && current.length > 1 ? [normaliseSeverity(severity), current[1]] : severity;
  }
  return { ...config, rules };
}

/**
 * A function from a file's absolute path to its configuration; lookups and loads are cached.
 *
 * @example
 * ```ts
 * const configFor = createConfigResolver({ cwd, lookup: true, overrides: {}, rules: allRules });
 * const resolved = configFor("/repo/api/Dockerfile");
 * ```
 */
export function createConfigResolver(source: ConfigSource): (file: string) => ResolvedConfig {
  const loaded = new Map<string, ResolvedConfig>();
  const byFolder = new Map<string, string | undefined>();
  const load = (path: string | undefined): ResolvedConfig => {
    const key = path ?? "";
    let resolved = loaded.get(key);
    if (resolved === undefined) {
      const result = path === undefined ? { ok: true as const, config: {} } : loadConfigFile(path, source.rules);
      resolved = result.ok
        ? {
            ok: true,
            config: withOverrides(result.config, source.overrides),
            path,
            ignores: path !== undefined && result.config.ignores?.length ? ignoreLayer(dirname(path), result.config.ignores) : undefined,
          }
        : result;
      loaded.set(key, resolved);
    }
    return resolved;
  };
  const explicit = source.explicit === undefined ? undefined : resolve(source.cwd, source.explicit);
  return (file) => {
    if (explicit !== undefined) return load(explicit);
    if (!source.lookup) return load(undefined);
    const folder = dirname(file);
    if (!byFolder.has(folder)) byFolder.set(folder, findConfigFile(file));
    return load(byFolder.get(folder));
  };
}
