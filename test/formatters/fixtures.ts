/**
 * The fixed results every formatter test and golden file uses: two files with findings (one LF, one
 * CRLF), a parse error, a multi-line span, a tab, a long line, non-ASCII and wide text, all three
 * severities, a fix, a message full of characters that need escaping, and a file without findings.
 */
import type { Finding, LintResult, RuleDescription, Severity } from "../../src/engine/types.js";
import type { FormatContext } from "../../src/formatters/types.js";

type Span = Pick<Finding, "line" | "column" | "endLine" | "endColumn" | "range">;

/**
 * The span of the `occurrence`-th (0-based) appearance of `text` in `source`: 1-based lines, UTF-16
 * columns, ends exclusive.
 *
 * @example
 * ```ts
 * locate("FROM a\nRUN b\n", "b"); // { line: 2, column: 5, endLine: 2, endColumn: 6, range: [11, 12] }
 * ```
 */
export function locate(source: string, text: string, occurrence = 0): Span {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = source.indexOf(text, start + 1);
  if (start < 0) throw new Error(`${JSON.stringify(text)} not found`);
  const end = start + text.length;
  const position = (offset: number): [number, number] => {
    const before = source.slice(0, offset);
    return [before.split("\n").length, offset - (before.lastIndexOf("\n") + 1) + 1];
  };
  const [line, column] = position(start);
  const [endLine, endColumn] = position(end);
  return { line, column, endLine, endColumn, range: [start, end] };
}

/**
 * A finding of `ruleId` on the first `text` in `source`.
 *
 * @example
 * ```ts
 * finding("FROM a:latest\n", "a:latest", "no-latest-tag", "warning", "Pin it", { aliases: ["DL3007"] });
 * ```
 */
export function finding(
  source: string,
  text: string,
  ruleId: string | null,
  severity: Severity,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  return { ruleId, aliases: [], severity, message, ...locate(source, text), ...extra };
}

/**
 * A message with `%`, `,`, `:`, a newline, `<`, `&`, both quotes, an ESC control character and
 * non-ASCII text.
 *
 * @example
 * ```ts
 * expect(output).toContain(escapeData(NASTY_MESSAGE));
 * ```
 */
export const NASTY_MESSAGE = `Remove the apt cache: add "rm -rf /var/lib/apt/lists/*" & keep <layers> small, 100% of the time; it's cheap\nSee the docs \u001b[31mnow\u001b[0m — bitte`;

const MAIN_SOURCE = [
  "FROM ubuntu:latest",
  "RUN apt-get update && \\",
  "    apt-get install -y curl",
  "# Größe: café",
  'LABEL description="naïve 東京"',
  "\tEXPOSE 80",
  "",
].join("\n");

const API_SOURCE = [
  "FROM node:20 AS build",
  `RUN echo "${"a".repeat(110)}" && npm ci --production && echo "${"b".repeat(60)}"`,
  "COPY --chwn=node . /app",
  "",
].join("\r\n");

/**
 * The linted results: `Dockerfile` (absolute path), `services/api/Dockerfile` (relative, CRLF) and
 * `Dockerfile.clean` (no findings), all under {@link CONTEXT}'s `cwd`.
 *
 * @example
 * ```ts
 * await expect(json(RESULTS, CONTEXT)).toMatchFileSnapshot("./__golden__/json.txt");
 * ```
 */
export const RESULTS: readonly LintResult[] = [
  {
    filePath: "/work/project/Dockerfile",
    source: MAIN_SOURCE,
    findings: [
      finding(MAIN_SOURCE, "ubuntu:latest", "no-latest-tag", "warning", "Pin the base image to a version instead of “latest”", { aliases: ["DL3007"] }),
      finding(MAIN_SOURCE, "apt-get update && \\\n    apt-get install -y curl", "no-package-cache", "error", NASTY_MESSAGE, {
        aliases: ["DL3009", "DS-0029"],
        fix: { safety: "safe", edits: [{ range: [70, 70], text: " && rm -rf /var/lib/apt/lists/*" }] },
      }),
      finding(MAIN_SOURCE, '"naïve 東京"', "label-schema", "info", "Label value “naïve 東京” is not ASCII"),
      finding(MAIN_SOURCE, "80", "expose-protocol", "warning", "Give the protocol: 80/tcp"),
    ],
  },
  {
    filePath: "services/api/Dockerfile",
    source: API_SOURCE,
    findings: [
      finding(API_SOURCE, "--production", "npm-omit-dev", "warning", "Use `--omit=dev` instead of `--production`", { aliases: ["npm-production"] }),
      finding(API_SOURCE, "--chwn", null, "error", "Unknown flag: chwn (did you mean --chown?)"),
    ],
  },
  { filePath: "/work/project/Dockerfile.clean", source: "FROM scratch\n", findings: [] },
];

function rule(
  id: string,
  description: string,
  category: RuleDescription["category"],
  defaultSeverity: RuleDescription["defaultSeverity"],
  fixable: RuleDescription["fixable"],
  aliases: string[] = [],
): RuleDescription {
  return { id, description, category, defaultSeverity, fixable, aliases, docsPath: `docs/rules/${id}.md` };
}

/**
 * The rules of the findings in {@link RESULTS}.
 *
 * @example
 * ```ts
 * RULES.get("no-package-cache")?.aliases; // ["DL3009", "DS-0029"]
 * ```
 */
export const RULES: ReadonlyMap<string, RuleDescription> = new Map(
  [
    rule("no-latest-tag", "Base images should be pinned to a version.", "base-image", "warning", "none", ["DL3007"]),
    rule("no-package-cache", "Package manager caches should not end up in a layer.", "package-managers", "error", "safe", ["DL3009", "DS-0029"]),
    rule("label-schema", "Label values should follow the label schema.", "metadata", "info", "none"),
    rule("expose-protocol", "EXPOSE should name the protocol.", "instructions", "off", "unsafe"),
    rule("npm-omit-dev", "npm installs for production should omit dev dependencies.", "package-managers", "warning", "safe", ["npm-production"]),
  ].map((description) => [description.id, description]),
);

/**
 * The context the golden files are written with (no colour).
 *
 * @example
 * ```ts
 * stylish(RESULTS, { ...CONTEXT, color: true });
 * ```
 */
export const CONTEXT: FormatContext = {
  cwd: "/work/project",
  color: false,
  rules: RULES,
  toolVersion: "1.2.3",
  docsBaseUrl: "https://github.com/example/dockerlint/blob/main/",
};
