/**
 * File names that look like keys and credentials: private keys, certificates with keys, package
 * registry and netrc credentials, `.env` files.
 *
 * @packageDocumentation
 */
import { baseName } from "./paths.js";

const SECRET_NAMES: readonly RegExp[] = [
  /\.(pem|key|p12|pfx|jks|keystore)$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/,
  /^\.(npmrc|netrc|pypirc|git-credentials|dockercfg)$/,
  /^credentials/i,
  /^\.env(\.(?!example|sample|template|dist|defaults?\b)[\w.-]+)?$/,
];

/**
 * The file name of `path` when it looks like a key or credential file (`*.pem`, `id_rsa*` but not
 * `*.pub`, `*.key`, `*.p12`, `.npmrc`, `.netrc`, `credentials*`, `.env`, …); undefined otherwise.
 *
 * @example
 * ```ts
 * secretFileName("/root/.ssh/id_rsa");  // "id_rsa"
 * secretFileName("/root/.ssh/id_rsa.pub"); // undefined
 * ```
 */
export function secretFileName(path: string): string | undefined {
  const name = baseName(path);
  return SECRET_NAMES.some((pattern) => pattern.test(name)) ? name : undefined;
}
