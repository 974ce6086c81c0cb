/**
 * Access to ../shared (conformance data, corpus, fixtures), which lives next to the project.
 * Outside CI a missing folder skips the tests that need it; under CI=true it fails them.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED_ROOT = resolve(PROJECT_ROOT, "../shared");

const inCI = process.env.CI === "true" || process.env.CI === "1";

/** The absolute path of `../shared/<relative>`, or undefined when it is missing (an error under CI). */
export function sharedPath(relative: string): string | undefined {
  const full = join(SHARED_ROOT, relative);
  if (existsSync(full)) return full;
  if (inCI) throw new Error(`CI=true but ${full} is missing: the shared data must be present in CI`);
  return undefined;
}

/** `describe` that runs only when `../shared/<relative>` exists (and fails under CI when it does not). */
export function describeShared(relative: string, name: string, body: (path: string) => void): void {
  const path = sharedPath(relative);
  if (path === undefined) describe.skip(`${name} (../shared/${relative} not present)`, () => {});
  else describe(name, () => body(path));
}
