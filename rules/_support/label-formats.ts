/**
 * Value formats of image labels (hadolint's label schema): URL, RFC 3339 time, SPDX license
 * expression, git hash, semantic version, e-mail address. Written without backtracking-prone
 * regular expressions, so any label value is checked in linear time.
 */

/**
 * The formats a label schema can ask for; `text` accepts anything.
 *
 * @example
 * ```ts
 * const schema: Record<string, LabelFormat> = { "org.opencontainers.image.version": "semver" };
 * ```
 */
export type LabelFormat = "text" | "url" | "semver" | "hash" | "rfc3339" | "spdx" | "email";

/**
 * Every {@link LabelFormat}, for option schemas.
 *
 * @example
 * ```ts
 * const property = { additionalProperties: { enum: [...LABEL_FORMATS] } };
 * ```
 */
export const LABEL_FORMATS: readonly LabelFormat[] = ["text", "url", "semver", "hash", "rfc3339", "spdx", "email"];

function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) || /\s/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second <= 60;
}

const NUMERIC_ID = /^(0|[1-9][0-9]*)$/;
const ALNUM_ID = /^[0-9A-Za-z-]+$/;

function isSemver(value: string): boolean {
  const plus = value.indexOf("+");
  const build = plus < 0 ? undefined : value.slice(plus + 1);
  const rest = plus < 0 ? value : value.slice(0, plus);
  const dash = rest.indexOf("-");
  const core = dash < 0 ? rest : rest.slice(0, dash);
  const pre = dash < 0 ? undefined : rest.slice(dash + 1);
  const parts = core.split(".");
  if (parts.length !== 3 || !parts.every((p) => NUMERIC_ID.test(p))) return false;
  if (pre !== undefined && !pre.split(".").every((id) => ALNUM_ID.test(id) && (!/^[0-9]+$/.test(id) || NUMERIC_ID.test(id)))) return false;
  return build === undefined || build.split(".").every((id) => ALNUM_ID.test(id));
}

function isGitHash(value: string): boolean {
  return /^[0-9a-f]+$/.test(value) && ((value.length >= 7 && value.length <= 40) || value.length === 64);
}

const EMAIL_LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9-]+$/;

function isEmail(value: string): boolean {
  const at = value.lastIndexOf("@");
  if (at <= 0 || !EMAIL_LOCAL.test(value.slice(0, at))) return false;
  const labels = value.slice(at + 1).split(".");
  return labels.length >= 2 && labels.every((l) => l.length <= 63 && DOMAIN_LABEL.test(l) && !l.startsWith("-") && !l.endsWith("-"));
}

/** License names people write that are not SPDX identifiers, with the identifier they usually mean. */
const NOT_SPDX: Readonly<Record<string, string>> = {
  apache: "Apache-2.0", apache2: "Apache-2.0", "apache-2": "Apache-2.0", "apache2.0": "Apache-2.0", "asl2.0": "Apache-2.0", "asl-2.0": "Apache-2.0",
  gpl: "GPL-3.0-or-later", gplv2: "GPL-2.0-only", "gpl-2": "GPL-2.0-only", gpl2: "GPL-2.0-only", gplv3: "GPL-3.0-only", "gpl-3": "GPL-3.0-only", gpl3: "GPL-3.0-only",
  lgpl: "LGPL-3.0-or-later", lgplv2: "LGPL-2.0-only", "lgplv2.1": "LGPL-2.1-only", lgplv3: "LGPL-3.0-only", agplv3: "AGPL-3.0-only", agpl: "AGPL-3.0-or-later",
  bsd: "BSD-3-Clause", "bsd-3": "BSD-3-Clause", "bsd-2": "BSD-2-Clause", "new-bsd": "BSD-3-Clause", mpl: "MPL-2.0", mpl2: "MPL-2.0", "mpl-2": "MPL-2.0",
  "mit-license": "MIT", proprietary: "LicenseRef-Proprietary",
};

const LICENSE_REF = /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;
const LICENSE_ID = /^[A-Za-z0-9][A-Za-z0-9.-]*\+?$/;

/**
 * Why an SPDX license expression is not valid (syntax, or a well-known non-SPDX name); undefined when it is.
 *
 * @example
 * ```ts
 * spdxProblem("MIT OR Apache-2.0"); // undefined
 * spdxProblem("GPLv3");             // "'GPLv3' is not an SPDX identifier (did you mean 'GPL-3.0-only'?)"
 * ```
 */
export function spdxProblem(value: string): string | undefined {
  const tokens = value.replaceAll("(", " ( ").replaceAll(")", " ) ").split(/\s+/).filter((t) => t !== "");
  let at = 0;
  let problem: string | undefined;
  const operator = (t: string | undefined, ...names: string[]) => t !== undefined && names.some((n) => t === n || t === n.toLowerCase());
  const atom = (): boolean => {
    const token = tokens[at++];
    if (token === "(") return expression() && tokens[at++] === ")";
    if (token === undefined || token === ")" || operator(token, "AND", "OR", "WITH")) return false;
    if (LICENSE_REF.test(token)) return true;
    const known = NOT_SPDX[token.toLowerCase()];
    if (known !== undefined) problem ??= `'${token}' is not an SPDX identifier (did you mean '${known}'?)`;
    return LICENSE_ID.test(token);
  };
  const term = (): boolean => {
    if (!atom()) return false;
    if (!operator(tokens[at], "WITH")) return true;
    at++;
    const exception = tokens[at++];
    return exception !== undefined && LICENSE_ID.test(exception) && !exception.endsWith("+");
  };
  const expression = (): boolean => {
    if (!term()) return false;
    while (operator(tokens[at], "AND", "OR")) {
      at++;
      if (!term()) return false;
    }
    return true;
  };
  const valid = tokens.length > 0 && expression() && at === tokens.length;
  if (!valid) return "it is not an SPDX license expression (identifiers such as 'MIT' or 'Apache-2.0', joined by AND, OR, WITH)";
  return problem;
}

/**
 * Why `value` does not have the format `format`; undefined when it has.
 *
 * @example
 * ```ts
 * formatProblem("rfc3339", "2024-02-30T10:00:00Z"); // "it is not an RFC 3339 date and time …"
 * formatProblem("semver", "1.2.3-rc.1");          // undefined
 * ```
 */
export function formatProblem(format: LabelFormat, value: string): string | undefined {
  switch (format) {
    case "text":
      return undefined;
    case "url":
      return isUrl(value) ? undefined : "it is not an absolute URL";
    case "rfc3339":
      return isRfc3339(value) ? undefined : "it is not an RFC 3339 date and time (e.g. 2024-05-01T12:00:00Z)";
    case "spdx":
      return spdxProblem(value);
    case "hash":
      return isGitHash(value) ? undefined : "it is not a git commit hash (7 to 40 lower-case hex digits)";
    case "semver":
      return isSemver(value) ? undefined : "it is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0)";
    case "email":
      return isEmail(value) ? undefined : "it is not an e-mail address";
  }
}
