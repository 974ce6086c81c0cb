import type { Instruction, Word } from "../src/ast/nodes.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { nearest } from "../src/engine/suggest.js";
import type { Scope } from "../src/model/index.js";
import { onlyWithFallback, referenceRange, stageExpansions, type StageExpansion } from "./_support/variables.js";

/** ARGs BuildKit keeps out of the environment. */
const NON_ENV_ARGS = new Set(["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"]);

/** Variables common base images set in their ENV (official images and the OS defaults). */
const BASE_IMAGE_ENV = new Set([
  "PATH", "HOME", "HOSTNAME", "TERM", "LANG", "LANGUAGE", "LC_ALL", "USER", "PWD", "SHELL", "LD_LIBRARY_PATH", "DEBIAN_FRONTEND",
  "JAVA_HOME", "JAVA_VERSION", "JDK_VERSION", "MAVEN_HOME", "MAVEN_CONFIG", "GRADLE_HOME", "GRADLE_VERSION", "CATALINA_HOME", "TOMCAT_VERSION",
  "NODE_VERSION", "YARN_VERSION", "PYTHON_VERSION", "PYTHON_PIP_VERSION", "PYTHON_SETUPTOOLS_VERSION", "PYTHON_SHA256", "GPG_KEY",
  "GOLANG_VERSION", "GOPATH", "GOROOT", "GOTOOLCHAIN", "RUBY_VERSION", "RUBY_MAJOR", "GEM_HOME", "BUNDLE_PATH", "BUNDLE_APP_CONFIG",
  "PHP_VERSION", "PHP_INI_DIR", "PHPIZE_DEPS", "NGINX_VERSION", "NJS_VERSION", "HTTPD_PREFIX", "HTTPD_VERSION", "PG_MAJOR", "PG_VERSION",
  "PGDATA", "MYSQL_MAJOR", "MYSQL_VERSION", "MONGO_VERSION", "REDIS_VERSION", "DOTNET_VERSION", "ASPNET_VERSION", "ASPNETCORE_URLS",
  "RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION", "CONDA_DIR", "CUDA_VERSION", "NVIDIA_VISIBLE_DEVICES", "NVIDIA_DRIVER_CAPABILITIES",
  "APP_ROOT", "STI_SCRIPTS_PATH", "HOME_DIR",
]);

export default defineRule<{ knownVariables: string[] }>({
  meta: {
    id: "undefined-var",
    description: "Disallow variables that are not defined where BuildKit expands them",
    category: "instructions",
    severity: "warning",
    fixable: "none",
    aliases: ["UndefinedVar"],
    messages: {
      undefined: "Usage of undefined variable '${{name}}'{{hint}}.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        knownVariables: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Variables your base images set with ENV (besides the common ones the rule knows), never reported.",
        },
      },
    },
    docs: {
      why: "BuildKit expands `$VAR` in COPY, ADD, ENV, LABEL, ARG defaults, WORKDIR, USER, VOLUME, EXPOSE, STOPSIGNAL and RUN `--mount` options, and an unknown variable silently becomes an empty string: `COPY app-$VERSION.jar /app/` copies `app-.jar`. The usual causes are a typo, or an ARG declared before FROM and not declared again inside the stage.",
      bad: [
        "ARG VERSION=1.0\nFROM eclipse-temurin:21\nCOPY app-${VERSION}.jar /app/\n",
        "FROM alpine\nARG APP_VERSION=1.0\nLABEL version=$APP_VERSOIN\n",
        "FROM scratch\nCOPY app /opt/$TARGETARCH/\n",
      ],
      good: [
        "ARG VERSION=1.0\nFROM eclipse-temurin:21\nARG VERSION\nCOPY app-${VERSION}.jar /app/\n",
        "FROM node:22\nENV PATH=/app/node_modules/.bin:$PATH\nWORKDIR $HOME/app\n",
        "FROM alpine\nCOPY app /opt/${FLAVOR:-default}/\n",
        "FROM alpine\nRUN echo $UNDEFINED_IN_RUN_IS_THE_SHELLS_BUSINESS\n",
      ],
      notes: "Like BuildKit, only words BuildKit expands are checked: RUN, CMD and ENTRYPOINT commands are expanded by the shell at run time. BuildKit knows the base image's ENV; a linter does not, so on a stage built on an image a variable is only reported when it is a likely typo of a visible variable (\"did you mean\"), or an ARG declared before FROM (or an automatic platform ARG such as TARGETARCH) that the stage does not declare; common base-image variables (PATH, HOME, JAVA_HOME, NODE_VERSION, …), `knownVariables` and a variable an ENV extends (`ENV LD_LIBRARY_PATH=/x:$LD_LIBRARY_PATH`) are never reported. On a stage chain built FROM scratch every unknown variable is reported, except PATH, which BuildKit always sets. References with a fallback (`${VAR:-default}`, `${VAR:+x}`, `${VAR:?msg}`) are deliberate and not reported (BuildKit reports them).",
      references: ["https://docs.docker.com/go/dockerfile/rule/undefined-var/"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const { instruction, expansions } of stageExpansions(context.model)) {
      if (anyUnresolved(expansions)) reportUndefined(context, instruction, expansions);
    }
  },
});

/** Whether some expansion has a name without a known value. */
function anyUnresolved(expansions: readonly StageExpansion[]): boolean {
  for (const e of expansions) if (e.expansion.unresolved.length > 0) return true;
  return false;
}

/** Reports the undefined names of one instruction's expansions (each name once). */
function reportUndefined(context: RuleContext<{ knownVariables: string[] }>, instruction: Instruction, expansions: readonly StageExpansion[]): void {
  const { model } = context;
  const scope = model.scopeAt(instruction);
  // Made on the first report: most instructions have none.
  let reported: Set<string> | undefined;
  for (const { word, text, expansion } of expansions) {
    for (const name of expansion.unresolved) {
      // The cheap tests first: most names are PATH or common base-image variables.
      if (name === "PATH" || reported?.has(name) === true || NON_ENV_ARGS.has(name)) continue;
      const known = BASE_IMAGE_ENV.has(name) || extendedBy(instruction, word) === name || (context.options.knownVariables?.includes(name) ?? false);
      if ((known && !scope.closed) || scope.variable(name) !== undefined || onlyWithFallback(text, name)) continue;
      const hint = hintFor(name, scope, model.globals);
      if (hint === undefined) continue;
      (reported ??= new Set()).add(name);
      context.report({ messageId: "undefined", data: { name, hint }, range: referenceRange(context.source, word.range, name) });
    }
  }
}

/** The variable an ENV pair whose value is `word` sets: `ENV X=…:$X` extends a value the base image may set, as good as known on an image stage. */
function extendedBy(instruction: Instruction, word: Word): string | undefined {
  if (instruction.type !== "ENV") return undefined;
  for (const pair of instruction.pairs) if (pair.value === word) return pair.key.value;
  return undefined;
}

/**
 * The message's hint for an undefined name that is neither PATH nor a known variable on an image
 * stage, or undefined when the base image may well define it.
 */
function hintFor(name: string, scope: Scope, globals: Scope): string | undefined {
  const global = globals.variable(name);
  if (global !== undefined) {
    const what = global.kind === "platform" ? "is an automatic platform ARG" : "is declared before FROM";
    return `: ${name} ${what} but not in this stage; add ARG ${name} to the stage`;
  }
  const visible = scope.variables.map((v) => v.name);
  const suggestion = name.length >= 4 ? nearest(name, visible) : undefined;
  if (suggestion !== undefined) return ` (did you mean $${suggestion}?)`;
  return scope.closed ? "" : undefined;
}
