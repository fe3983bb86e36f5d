import Docker from 'dockerode'
import type { RunEnvironment } from '../../src/config.js'
import { connect, resolveEndpoint } from '../../src/engine/connect.js'

/** The test engine: DOCKER_HOST when set, else the default socket (scripts/engine.sh brought it up). */
export function testDocker(): Docker {
  return connect(resolveEndpoint(undefined))
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
