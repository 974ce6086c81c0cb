/**
 * EXPOSE entries as BuildKit reads them (`dockerfile2llb/convert_expose.go`): each argument is
 * expanded with word splitting, then each word is `[[ip:]hostPort:]containerPort[/proto]`.
 */
import type { ExposeInstruction, Word } from "../../src/ast/nodes.js";
import type { SemanticModel } from "../../src/model/index.js";
import { knownValue } from "./variables.js";

/**
 * One EXPOSE port specification, split as BuildKit splits it.
 *
 * @example
 * ```ts
 * splitPortSpec("127.0.0.1:8080:80/UDP"); // { ip: "127.0.0.1", hostPort: "8080", containerPort: "80", proto: "UDP" }
 * ```
 */
export interface PortSpecParts {
  readonly ip: string;
  readonly hostPort: string;
  readonly containerPort: string;
  /** The protocol as written, `""` when absent. */
  readonly proto: string;
}

/**
 * Splits `[[ip:]hostPort:]containerPort[/proto]` like BuildKit's `splitParts` and `splitProtoPort`.
 *
 * @example
 * ```ts
 * splitPortSpec("80/tcp").containerPort; // "80"
 * ```
 */
export function splitPortSpec(raw: string): PortSpecParts {
  const parts = raw.split(":");
  const n = parts.length;
  const ip = n >= 3 ? parts.slice(0, n - 2).join(":") : "";
  const hostPort = n >= 2 ? parts[n - 2] : "";
  const slash = parts[n - 1].indexOf("/");
  const containerPort = slash < 0 ? parts[n - 1] : parts[n - 1].slice(0, slash);
  const proto = slash < 0 ? "" : parts[n - 1].slice(slash + 1);
  return { ip, hostPort, containerPort, proto };
}

/**
 * The first and last port of `8080` or `8000-8010`, or why BuildKit rejects it.
 *
 * @example
 * ```ts
 * portRange("8000-8010"); // { start: 8000, end: 8010 }
 * portRange("70000");     // { error: "value out of range (0–65535)" }
 * ```
 */
export function portRange(text: string): { start: number; end: number } | { error: string } {
  if (text === "") return { error: "no port specified" };
  const dash = text.indexOf("-");
  const start = portNumber(dash < 0 ? text : text.slice(0, dash));
  if (typeof start === "string") return { error: start };
  if (dash < 0 || text.slice(0, dash) === text.slice(dash + 1)) return { start, end: start };
  const end = portNumber(text.slice(dash + 1));
  if (typeof end === "string") return { error: end };
  return end < start ? { error: `invalid port range: ${text}` } : { start, end };
}

function portNumber(text: string): number | string {
  if (text === "") return "value is empty";
  if (!/^[+-]?\d+$/.test(text)) return `"${text}" is not a number`;
  const port = Number(text);
  return port < 0 || port > 65535 ? "value out of range (0–65535)" : port;
}

/**
 * One expanded word of an EXPOSE argument, with the argument it came from and whether it is the
 * argument exactly as written (no variables), so that fixes can rewrite it.
 *
 * @example
 * ```ts
 * const [entry] = exposedEntries(model, expose); // { word: "80/tcp", arg, literal: true }
 * ```
 */
export interface ExposedEntry {
  readonly text: string;
  readonly arg: Word;
  readonly literal: boolean;
}

function newEntryMap(): Map<ExposeInstruction, ExposedEntry[]> {
  return new Map();
}

/**
 * The words an EXPOSE instruction exposes, after BuildKit's expansion; arguments that need
 * variables without a known value are left out. Worked out once per instruction, as several rules
 * read them: every call on a model returns the same array, to read and not to change.
 *
 * @example
 * ```ts
 * exposedEntries(analyze("FROM a\nENV P=\"80 443\"\nEXPOSE $P 22\n"), expose).map((e) => e.text); // ["80", "443", "22"]
 * ```
 */
export function exposedEntries(model: SemanticModel, expose: ExposeInstruction): ExposedEntry[] {
  const byInstruction = model.derived(exposedEntries, newEntryMap);
  let entries = byInstruction.get(expose);
  if (entries === undefined) {
    entries = entriesOf(model, expose);
    byInstruction.set(expose, entries);
  }
  return entries;
}

function entriesOf(model: SemanticModel, expose: ExposeInstruction): ExposedEntry[] {
  const entries: ExposedEntry[] = [];
  for (const arg of expose.args) {
    const expansion = model.resolve(arg, expose);
    const value = knownValue(expansion);
    if (value === undefined) continue;
    const words = expansion.words ?? [value];
    const literal = words.length === 1 && words[0] === arg.value && arg.map === undefined;
    for (const text of words) entries.push({ text, arg, literal });
  }
  return entries;
}
