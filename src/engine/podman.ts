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

interface Modem {
  dial(
    options: {
      path: string
      method: string
      abortSignal?: AbortSignal
      statusCodes: Record<number, true | string>
      options?: Record<string, unknown>
    },
    callback: (error: unknown, result: unknown) => void
  ): void
}

function dial(modem: Modem, path: string, method: string, signal?: AbortSignal): Promise<unknown> {
  return new Promise((resolve, reject) =>
    modem.dial(
      {
        path,
        method,
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such container', 409: 'conflict', 500: 'server error' },
        options: {}
      },
      (error, result) => (error ? reject(error) : resolve(result))
    )
  )
}

const podmanByModem = new WeakMap<object, Promise<boolean>>()

/** Whether the engine behind a container's connection is Podman; asked once per connection. */
export function isPodman(container: { modem: unknown }, signal?: AbortSignal): Promise<boolean> {
  const modem = container.modem as Modem
  let known = podmanByModem.get(modem)
  if (!known) {
    known = dial(modem, '/version', 'GET', signal).then(
      reply =>
        typeof reply === 'object' &&
        reply !== null &&
        podmanVersion(reply as Record<string, unknown>) !== undefined,
      () => false
    )
    podmanByModem.set(modem, known)
  }
  return known
}

/**
 * Runs a container's HEALTHCHECK once through Podman's own API (`podman healthcheck run`). Podman
 * schedules health checks with systemd timers; where there is no systemd (CI containers, this
 * project's test machine) they never run and State.Health stays "starting". The container's health
 * state is updated as a timer's run would update it; read it with inspect afterwards (the reply is
 * this one run's result, "unhealthy" for a failure still inside the start period).
 */
export async function runPodmanHealthcheck(
  container: { id: string; modem: unknown },
  signal?: AbortSignal
): Promise<void> {
  // The libpod routes answer only under a version prefix; 4.0.0 is the oldest Podman 4 API.
  await dial(container.modem as Modem, `/v4.0.0/libpod/containers/${container.id}/healthcheck`, 'GET', signal)
}
