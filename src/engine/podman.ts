// Podman's Docker-compatible API (`podman system service`) answers as Docker does, with differences
// this module names, each measured against podman 4.3 and read in podman's pkg/api/handlers/compat:
// - /version: Version and ApiVersion look like Docker's (API 1.41); Components holds "Podman Engine"
//   with Podman's own version. That component is how a Podman engine is told apart.
// - /build: only the classic builder (no /session endpoint, no BuildKit); `version=2` is ignored by its
//   handler, but dockerode's BuildKit path opens a session first and gets 404 "Not Found".

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
