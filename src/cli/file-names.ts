/** Which file names are Dockerfiles when a folder is searched. */

const DOCKERFILE_NAME = /^(?:dockerfile(?:[.-].*)?|containerfile(?:\..*)?|.+\.dockerfile)$/i;

/**
 * Whether a folder search lints a file of this name: `Dockerfile`, `Dockerfile.*`, `Dockerfile-*`,
 * `*.Dockerfile`, `Containerfile`, `Containerfile.*`, in any letter case.
 *
 * @example
 * ```ts
 * isDockerfileName("api.dockerfile"); // true
 * isDockerfileName("docker-compose.yml"); // false
 * ```
 */
export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name);
}
