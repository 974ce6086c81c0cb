/**
 * The registry of rules, sorted by id. One rule a file in this folder, file name = rule id;
 * `test/rules/parity.test.ts` fails when a rule file is missing here, or lacks tests or docs.
 */
import type { RuleModule } from "../src/engine/rule.js";
import apkUseVirtual from "./apk-use-virtual.js";
import aptNoInstallRecommends from "./apt-no-install-recommends.js";
import assumeYes from "./assume-yes.js";
import consistentInstructionCasing from "./consistent-instruction-casing.js";
import copyDestinationSlash from "./copy-destination-slash.js";
import copyRelativeDestination from "./copy-relative-destination.js";
import definitionDescription from "./definition-description.js";
import directiveCasing from "./directive-casing.js";
import exposeProtocolCasing from "./expose-protocol-casing.js";
import fromAsCasing from "./from-as-casing.js";
import fromFirst from "./from-first.js";
import jsonArgsRecommended from "./json-args-recommended.js";
import labelSchema from "./label-schema.js";
import noChpasswd from "./no-chpasswd.js";
import noConsecutiveRun from "./no-consecutive-run.js";
import noConstantFromPlatform from "./no-constant-from-platform.js";
import noCopyFromSelf from "./no-copy-from-self.js";
import noCopyIgnoredFile from "./no-copy-ignored-file.js";
import noCopyOutsideContext from "./no-copy-outside-context.js";
import noCopyThenExtract from "./no-copy-then-extract.js";
import noCopyWholeStage from "./no-copy-whole-stage.js";
import noCurlPipeShell from "./no-curl-pipe-shell.js";
import noDeadStage from "./no-dead-stage.js";
import noDeleteInLaterLayer from "./no-delete-in-later-layer.js";
import noDistUpgrade from "./no-dist-upgrade.js";
import noDuplicateStageName from "./no-duplicate-stage-name.js";
import noEmptyContinuation from "./no-empty-continuation.js";
import noEnvSelfReference from "./no-env-self-reference.js";
import noExposeHostMapping from "./no-expose-host-mapping.js";
import noInsecureTls from "./no-insecure-tls.js";
import noInvalidDefaultArgInFrom from "./no-invalid-default-arg-in-from.js";
import noInvalidOnbuildTrigger from "./no-invalid-onbuild-trigger.js";
import noLatestTag from "./no-latest-tag.js";
import noLegacyKeyValue from "./no-legacy-key-value.js";
import noMaintainer from "./no-maintainer.js";
import noMultipleInstructions from "./no-multiple-instructions.js";
import noOnbuild from "./no-onbuild.js";
import noPackageCache from "./no-package-cache.js";
import noPlainHttp from "./no-plain-http.js";
import noPointlessCommands from "./no-pointless-commands.js";
import noPrivilegedRun from "./no-privileged-run.js";
import noRedundantTargetPlatform from "./no-redundant-target-platform.js";
import noReservedStageName from "./no-reserved-stage-name.js";
import noRootUser from "./no-root-user.js";
import noSecretLeftInLayer from "./no-secret-left-in-layer.js";
import noSecretsInArgEnv from "./no-secrets-in-arg-env.js";
import noSemicolonChain from "./no-semicolon-chain.js";
import noSeparateUpdate from "./no-separate-update.js";
import noSingleQuotedJson from "./no-single-quoted-json.js";
import noSsh from "./no-ssh.js";
import noSudo from "./no-sudo.js";
import noSystemUpgrade from "./no-system-upgrade.js";
import noSystemWorkdir from "./no-system-workdir.js";
import noUndefinedArgInFrom from "./no-undefined-arg-in-from.js";
import noUndefinedStageReference from "./no-undefined-stage-reference.js";
import noUnverifiedPackages from "./no-unverified-packages.js";
import omitDevDependencies from "./omit-dev-dependencies.js";
import pinLanguagePackages from "./pin-language-packages.js";
import pinOsPackages from "./pin-os-packages.js";
import preferAptGet from "./prefer-apt-get.js";
import preferCopy from "./prefer-copy.js";
import preferCopyChown from "./prefer-copy-chown.js";
import preferWorkdir from "./prefer-workdir.js";
import requireBaseImageDigest from "./require-base-image-digest.js";
import requireBaseImageTag from "./require-base-image-tag.js";
import requireDockerignore from "./require-dockerignore.js";
import requireDownloadChecksum from "./require-download-checksum.js";
import requireHealthcheck from "./require-healthcheck.js";
import requireInstructions from "./require-instructions.js";
import requirePipefail from "./require-pipefail.js";
import requireUser from "./require-user.js";
import shellJsonForm from "./shell-json-form.js";
import shellcheck from "./shellcheck.js";
import singleDownloadTool from "./single-download-tool.js";
import stageNameCasing from "./stage-name-casing.js";
import trustedRegistries from "./trusted-registries.js";
import undefinedVar from "./undefined-var.js";
import unknownInstruction from "./unknown-instruction.js";
import useShellInstruction from "./use-shell-instruction.js";
import userNumericUid from "./user-numeric-uid.js";
import useraddNoLogInit from "./useradd-no-log-init.js";
import validArguments from "./valid-arguments.js";
import validExposePort from "./valid-expose-port.js";
import validFlags from "./valid-flags.js";
import validHealthcheck from "./valid-healthcheck.js";
import validLabelKey from "./valid-label-key.js";
import validStageName from "./valid-stage-name.js";
import validStopsignal from "./valid-stopsignal.js";
import validSubstitution from "./valid-substitution.js";
import wgetProgress from "./wget-progress.js";
import workdirAbsolute from "./workdir-absolute.js";
import { compareCodeUnits } from "../src/util/text.js";

/**
 * Every rule of dockerlint, sorted by id.
 *
 * @example
 * ```ts
 * allRules.filter((r) => r.meta.category === "layer-hygiene").map((r) => r.meta.id);
 * ```
 */
export const allRules: readonly RuleModule<never>[] = ([
  apkUseVirtual,
  aptNoInstallRecommends,
  assumeYes,
  consistentInstructionCasing,
  copyDestinationSlash,
  copyRelativeDestination,
  definitionDescription,
  directiveCasing,
  exposeProtocolCasing,
  fromAsCasing,
  fromFirst,
  jsonArgsRecommended,
  labelSchema,
  noChpasswd,
  noConsecutiveRun,
  noConstantFromPlatform,
  noCopyFromSelf,
  noCopyIgnoredFile,
  noCopyOutsideContext,
  noCopyThenExtract,
  noCopyWholeStage,
  noCurlPipeShell,
  noDeadStage,
  noDeleteInLaterLayer,
  noDistUpgrade,
  noDuplicateStageName,
  noEmptyContinuation,
  noEnvSelfReference,
  noExposeHostMapping,
  noInsecureTls,
  noInvalidDefaultArgInFrom,
  noInvalidOnbuildTrigger,
  noLatestTag,
  noLegacyKeyValue,
  noMaintainer,
  noMultipleInstructions,
  noOnbuild,
  noPackageCache,
  noPlainHttp,
  noPointlessCommands,
  noPrivilegedRun,
  noRedundantTargetPlatform,
  noReservedStageName,
  noRootUser,
  noSecretLeftInLayer,
  noSecretsInArgEnv,
  noSemicolonChain,
  noSeparateUpdate,
  noSingleQuotedJson,
  noSsh,
  noSudo,
  noSystemUpgrade,
  noSystemWorkdir,
  noUndefinedArgInFrom,
  noUndefinedStageReference,
  noUnverifiedPackages,
  omitDevDependencies,
  pinLanguagePackages,
  pinOsPackages,
  preferAptGet,
  preferCopy,
  preferCopyChown,
  preferWorkdir,
  requireBaseImageDigest,
  requireBaseImageTag,
  requireDockerignore,
  requireDownloadChecksum,
  requireHealthcheck,
  requireInstructions,
  requirePipefail,
  requireUser,
  shellJsonForm,
  shellcheck,
  singleDownloadTool,
  stageNameCasing,
  trustedRegistries,
  undefinedVar,
  unknownInstruction,
  useShellInstruction,
  userNumericUid,
  useraddNoLogInit,
  validArguments,
  validExposePort,
  validFlags,
  validHealthcheck,
  validLabelKey,
  validStageName,
  validStopsignal,
  validSubstitution,
  wgetProgress,
  workdirAbsolute,
] as RuleModule<never>[]).sort((a, b) => compareCodeUnits(a.meta.id, b.meta.id));

/**
 * Rules by id.
 *
 * @example
 * ```ts
 * rulesById.get("prefer-copy")?.meta.aliases; // ["DL3020", "DS-0005", "CKV_DOCKER_4"]
 * ```
 */
export const rulesById: ReadonlyMap<string, RuleModule<never>> = new Map(allRules.map((r) => [r.meta.id, r]));
