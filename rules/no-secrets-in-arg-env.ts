import type { ArgInstruction, EnvInstruction, Word } from "../src/ast/nodes.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";

/** BuildKit's heuristic (`validateNoSecretKey`): a secret-sounding word between underscores or the ends of the name. */
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
/** Words that make a name public: BuildKit's `public`, and the words of public (release signing) key names. */
const PUBLIC = /(?:_|^)(?:public|gpg|pgp|signing|release|fingerprint)(?:_|$)/i;
/** A switch (`ALLOW_EMPTY_PASSWORD`, `DISABLE_AUTH`) or a reference to a secret (`PASSWORD_FILE`, `KEY_URL`), not a secret. */
const NOT_A_VALUE = /^(?:allow|disable|enable|use|skip|require)_|_(?:file|path|dir|url|version)$/i;

/**
 * Whether a variable name looks like it holds a secret: BuildKit's SecretsUsedInArgOrEnv heuristic,
 * minus names of public keys, switches and references to secret files.
 *
 * @example
 * ```ts
 * looksSecret("DB_PASSWORD");      // true
 * looksSecret("PUBLIC_KEY");       // false
 * looksSecret("NODE_GPG_KEY");     // false
 * looksSecret("PASSWORD_FILE");    // false
 * looksSecret("MONKEY");           // false
 * ```
 */
export function looksSecret(name: string): boolean {
  return SECRET.test(name) && !PUBLIC.test(name) && !NOT_A_VALUE.test(name);
}

export default defineRule<{ allowedNames: string[] }>({
  meta: {
    id: "no-secrets-in-arg-env",
    description: "Disallow secret-looking names in ARG and ENV",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: ["SecretsUsedInArgOrEnv", "DL3064", "DS-0031"],
    messages: {
      secret: "Do not use ARG or ENV instructions for sensitive data ({{keyword}} \"{{name}}\"): values end up in the image's history or config; use a secret mount (RUN --mount=type=secret) instead.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        allowedNames: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Names that look secret but are not, matched exactly.",
        },
      },
    },
    docs: {
      why: "ENV values are stored in the image configuration and ARG values in the build history of every RUN that uses them: anyone who can pull the image can read them with `docker history` or `docker inspect`. Secrets belong in secret mounts, which never reach the image.",
      bad: ["FROM node:22\nARG NPM_TOKEN\nRUN npm ci\n", "FROM postgres:16\nENV POSTGRES_PASSWORD=example\n"],
      good: [
        "FROM node:22\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n",
        "FROM alpine\nENV PUBLIC_KEY=abc MONKEY=1\n",
        "FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n",
      ],
      notes: "Names are judged with BuildKit's heuristic: one of apikey, auth, credential(s), key, password, pword, passwd, secret or token as a whole `_`-separated word, unless the name also has the word `public`. Going further than BuildKit, from what the corpus of real Dockerfiles shows: names of public key fingerprints (with the word gpg, pgp, signing, release or fingerprint: `NODE_GPG_KEY`, `SWIFT_SIGNING_KEY`, `GHC_RELEASE_KEY`), switches (`ALLOW_EMPTY_PASSWORD`, `DISABLE_AUTH`) and references to secrets (`PASSWORD_FILE`, `KEY_PATH`, `KEY_URL`) are not reported, nor is a variable whose known value is a URL (a link to a key is not the key), nor an ENV that is set empty (a placeholder filled in when the container runs). Like BuildKit, ARGs before the first FROM are not judged (they stay out of the image unless a stage declares them again). `allowedNames` lists more exceptions.",
      references: ["https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/", "https://docs.docker.com/build/building/secrets/"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const stage of context.model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.type === "ENV") for (const pair of instruction.pairs) check(context, instruction, pair.key, pair.value);
        else if (instruction.type === "ARG") for (const declaration of instruction.declarations) check(context, instruction, declaration.name, declaration.defaultValue);
      }
    }
  },
});

/** Reports `name` when it looks like a secret and `value` (its ENV value or ARG default) does not say otherwise. */
function check(context: RuleContext<{ allowedNames: string[] }>, instruction: ArgInstruction | EnvInstruction, name: Word, value: Word | undefined): void {
  if (!looksSecret(name.value) || (context.options.allowedNames?.includes(name.value) ?? false)) return;
  const known = value === undefined ? undefined : context.model.resolve(value, instruction);
  const fixed = known !== undefined && known.unresolved.length === 0 ? known.value : undefined;
  if (fixed !== undefined && (/^[a-z][a-z0-9+.-]*:\/\//i.test(fixed) || (instruction.type === "ENV" && fixed === ""))) return;
  context.report({ messageId: "secret", data: { keyword: instruction.type, name: name.value }, node: name });
}
