/** The documentation page of a rule, rendered from its metadata (docs/rules/<id>.md and `--explain`). */
import type { RuleModule } from "./rule.js";
import type { RuleCategory } from "./types.js";

/** Category titles, in documentation order. */
export const CATEGORY_TITLES: Readonly<Record<RuleCategory, string>> = {
  "base-image": "Base image and pinning",
  "package-managers": "Package managers",
  "layer-hygiene": "Layer hygiene",
  shell: "Shell usage",
  instructions: "Instruction misuse",
  "multi-stage": "Multi-stage builds",
  security: "Security",
  metadata: "Metadata and labels",
};

function aliasLine(aliases: readonly string[]): string {
  if (aliases.length === 0) return "";
  const groups: [string, RegExp][] = [
    ["hadolint", /^(DL|SC)\d+$/],
    ["BuildKit", /^[A-Z][a-zA-Z]+$/],
    ["Trivy", /^(AVD-)?DS-?\d+$/],
    ["Checkov", /^CKV2?_DOCKER_\d+$/],
  ];
  const parts = groups
    .map(([tool, re]) => [tool, aliases.filter((a) => re.test(a))] as const)
    .filter(([, ids]) => ids.length > 0)
    .map(([tool, ids]) => `${tool} ${ids.join(", ")}`);
  const other = aliases.filter((a) => !groups.some(([, re]) => re.test(a)));
  return ` · same as ${[...parts, ...other].join("; ")}`;
}

function optionsSection(rule: RuleModule<never>): string {
  const properties = (rule.meta.schema?.properties ?? {}) as Record<string, { description?: string; default?: unknown; type?: unknown }>;
  const entries = Object.entries(properties);
  if (entries.length === 0) return "This rule has no options.";
  const rows = entries.map(
    ([name, p]) => `| \`${name}\` | ${JSON.stringify(p.type ?? "")} | \`${JSON.stringify(p.default ?? null)}\` | ${p.description ?? ""} |`,
  );
  return ["| option | type | default | meaning |", "|---|---|---|---|", ...rows].join("\n");
}

function fence(code: string): string {
  return "```dockerfile\n" + code.replace(/\n$/, "") + "\n```";
}

/**
 * Markdown documentation of a rule.
 *
 * @example
 * ```ts
 * renderRuleDoc(rulesById.get("prefer-copy")!).split("\n")[0]; // "# prefer-copy"
 * ```
 */
export function renderRuleDoc(rule: RuleModule<never>): string {
  const { meta } = rule;
  const severity = meta.severity === "off" ? "off by default" : `${meta.severity} by default`;
  const fix = meta.fixable === "none" ? "no fix" : `fix: ${meta.fixable}`;
  const lines = [
    `# ${meta.id}`,
    "",
    `${meta.description}.`,
    "",
    `Category: ${CATEGORY_TITLES[meta.category]} · ${severity} · ${fix} · added in ${meta.since}${aliasLine(meta.aliases)}`,
    "",
    "## Why",
    "",
    meta.docs.why,
    "",
    "## Examples",
    "",
    "Reported:",
    "",
    ...meta.docs.bad.flatMap((b) => [fence(b), ""]),
    "Accepted:",
    "",
    ...meta.docs.good.flatMap((g) => [fence(g), ""]),
    "## Options",
    "",
    optionsSection(rule),
    "",
  ];
  if (meta.fixable !== "none") {
    lines.push(
      "## Fix",
      "",
      meta.fixable === "safe"
        ? "The fix is safe: `dockerlint --fix` applies it."
        : "The fix may change behaviour: it is applied only with `dockerlint --fix --unsafe-fixes`.",
      "",
    );
  }
  if (meta.docs.notes) lines.push("## Notes", "", meta.docs.notes, "");
  if (meta.docs.references?.length) lines.push("## References", "", ...meta.docs.references.map((r) => `- ${r}`), "");
  if (meta.aliases.length > 0) {
    lines.push("## Pragmas", "", "Any of these switches the rule off for the next instruction:", "", "```dockerfile");
    lines.push(`# dockerlint ignore=${meta.id}`);
    const hadolint = meta.aliases.filter((a) => /^DL\d+$/.test(a));
    if (hadolint.length) lines.push(`# hadolint ignore=${hadolint.join(",")}`);
    const buildkit = meta.aliases.filter((a) => /^[A-Z][a-zA-Z]+$/.test(a));
    if (buildkit.length) lines.push(`# check=skip=${buildkit.join(",")}`);
    lines.push("```", "");
  }
  return lines.join("\n");
}

/** The index page docs/rules/README.md: rules grouped by category. */
export function renderRuleIndex(rules: readonly RuleModule<never>[]): string {
  const lines = ["# Rules", "", `dockerlint has ${rules.length} rules. Each page says what the rule checks, why, examples, options, fixes and the ids of the same check in other tools.`, ""];
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const inCategory = rules.filter((r) => r.meta.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${title}`, "", "| rule | severity | fix | aliases | description |", "|---|---|---|---|---|");
    for (const r of inCategory) {
      lines.push(`| [${r.meta.id}](./${r.meta.id}.md) | ${r.meta.severity} | ${r.meta.fixable} | ${r.meta.aliases.join(", ")} | ${r.meta.description} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
