// What runs when `smoke` is empty: hello-world, and the image this run built with its own command.
import type { ImageProvider } from './pull.js'
import { nameFromImage, type SmokeSpec } from './spec.js'

/** A built image with neither HEALTHCHECK nor EXPOSE passes if it is still running after this long. */
export const SETTLE_MS = 5000

export const HELLO_WORLD: Readonly<Pick<SmokeSpec, 'name' | 'image' | 'expectOutput'>> = {
  name: 'hello-world',
  image: 'hello-world',
  expectOutput: /Hello from Docker!/m
}

/**
 * The hello-world entry the defaults always include; it needs nothing from the build. With
 * `besideBuiltImage` (the built image's default entry runs too) it runs without a network: that entry runs
 * on the engine's default network and checks it, and hello-world's own network set-up (a veth pair, the
 * bridge, iptables; ~70 ms of the engine's work here) would only compete with the built image's start.
 * Alone, it runs as `docker run hello-world` does.
 */
export function helloWorldEntry(timeoutMs: number, besideBuiltImage = false): SmokeSpec {
  return {
    env: {},
    ports: [],
    expectExitCode: 0,
    timeoutMs,
    ...HELLO_WORLD,
    ...(besideBuiltImage ? { networkMode: 'none' as const } : {})
  }
}

/**
 * The default entry for the image this run built, run with its own command: ready by HEALTHCHECK if it has
 * one, else by a TCP connect on its first EXPOSEd port, else it passes if it exits 0 or is still running
 * after SETTLE_MS. A HEALTHCHECK the image's inspect does not show but its container has is used too
 * (entry.ts, `readyFromImage`).
 */
export async function builtImageEntry(
  builtImage: { id: string; reference: string },
  images: ImageProvider,
  timeoutMs: number
): Promise<SmokeSpec> {
  let name = nameFromImage(builtImage.reference)
  if (name === HELLO_WORLD.name) name = `${name}-2`
  const built: SmokeSpec = { env: {}, ports: [], expectExitCode: 0, timeoutMs, name, readyFromImage: true }
  // When the image cannot be inspected, the entry itself fails with the reason.
  const facts = await images.provide(builtImage.id, true).catch(() => undefined)
  const firstTcpPort = facts?.exposedPorts.find(port => port.endsWith('/tcp'))
  if (facts?.healthcheck) {
    built.ready = { kind: 'healthy' }
  } else if (firstTcpPort) {
    const containerPort = Number(firstTcpPort.split('/')[0])
    built.ports = [{ containerPort, protocol: 'tcp' }]
    built.ready = { kind: 'port', port: containerPort }
  } else {
    built.settleMs = SETTLE_MS
  }
  return built
}
