import { execFileSync } from 'node:child_process'
import Docker from 'dockerode'
import type { RunEnvironment } from '../../src/config.js'
import { EngineClient } from '../../src/engine/client.js'
import { resolveEndpoint } from '../../src/engine/endpoint.js'

/** The test engine: DOCKER_HOST when set, else the default socket (scripts/engine.sh brought it up). */
export function testDocker(): Docker {
  return new Docker(resolveEndpoint(undefined, process.env).options)
}

/** The project's own client for the test engine, as the stages take it. */
export function testClient(): EngineClient {
  return new EngineClient(resolveEndpoint(undefined, process.env))
}

export const REGISTRY = '127.0.0.1:5000'

export function testEnvironment(overrides: Partial<RunEnvironment> = {}): RunEnvironment {
  return {
    actions: false,
    workspace: process.cwd(),
    tempDir: '/tmp',
    runId: `test-${Math.random().toString(16).slice(2, 10)}`,
    ...overrides
  }
}

/** Names of the engine's volumes now. */
export function volumeNames(): Set<string> {
  return new Set(execFileSync('docker', ['volume', 'ls', '-q']).toString().split('\n').filter(Boolean))
}

/**
 * Volumes that appeared since `before` and no container uses: what a test leaked. (The engine is shared:
 * another developer's volumes in use by their containers are not counted.)
 */
export function danglingSince(before: Set<string>): string[] {
  return [...volumeNames()]
    .filter(name => !before.has(name))
    .filter(
      name =>
        execFileSync('docker', ['ps', '-aq', '--filter', `volume=${name}`])
          .toString()
          .trim() === ''
    )
}
