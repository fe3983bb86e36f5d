// Podman's Docker-compatible API (`podman system service`) answers as Docker does, with differences
// measured against Podman 4.3.1 (Debian 12) and handled where they bite:
// - /version: Version and ApiVersion look like Docker's (API 1.41); Components holds "Podman Engine"
//   with Podman's own version. That component is how a Podman engine is told apart (here).
// - /build: the classic builder only (Buildah; no /session endpoint, so dockerode's BuildKit path gets
//   404 "Not Found"): src/build/build.ts falls back with a note. Buildah adds the `labels` parameter
//   as LABEL steps, so intermediate images carry the action's labels (removed with the final image).
// - HEALTHCHECKs run from systemd timers, so without systemd State.Health stays "starting" and its Log
//   null (Docker: a list): src/smoke/ready.ts runs the check through libpod's endpoint (here).
// - A followed /logs reply sends its headers only with the first line of output (fixed in later
//   Podman): src/smoke/container.ts does not wait for them. It also ends once the container exits,
//   before all of a large output was sent: src/smoke/entry.ts reads an exited container's output again.
// - Inspect Args repeats Path when the command is one word: src/smoke/entry.ts reads Config instead.
// - /containers/json refuses an empty `filters=` parameter with 500: src/inventory/inventory.ts omits it.
// - A forced DELETE stops a running container with its stop timeout (SIGTERM, SIGKILL after 10 s; read
//   in compat RemoveContainer, seen as 10 s more per entry on Podman 5.8): src/smoke/container.ts kills first.
// - Image names are fully qualified (docker.io/library/busybox:latest) in RepoTags and the container
//   list's Image: src/inventory/inventory.ts shows them as `docker image ls` does (busybox:latest).
//   /containers/json Ports and State have Docker's shape; its Command joins the words unquoted.
// - Image inspect has no Config.Healthcheck although the image has one and its containers run it: the
//   built image's default smoke entry is judged by its container's config (src/smoke/entry.ts).
// The /events endpoint is not used by this action, so its filter differences do not matter here.

/** The Podman version when the engine is Podman (its `Podman Engine` component), else undefined. */
export function podmanVersion(version: Record<string, unknown>): string | undefined {
  const components = Array.isArray(version.Components) ? (version.Components as unknown[]) : []
  for (const component of components) {
    if (typeof component !== 'object' || component === null) continue
    const { Name, Version } = component as { Name?: unknown; Version?: unknown }
    if (typeof Name === 'string' && /^podman\b/i.test(Name.trim()))
      return typeof Version === 'string' && Version.trim() ? Version.trim() : 'unknown version'
  }
  return undefined
}
