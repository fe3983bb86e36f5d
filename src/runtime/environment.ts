import { randomHex } from '../ids.js'
import { tmpdir } from 'node:os'
import type { RunEnvironment } from '../config.js'

/** Reads where the run happens from the process environment; the only place that looks at GITHUB_*. */
export function readEnvironment(env: NodeJS.ProcessEnv, runId?: string): RunEnvironment {
  const actions = env.GITHUB_ACTIONS === 'true'
  return {
    actions,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    repository: env.GITHUB_REPOSITORY || undefined,
    sha: env.GITHUB_SHA || undefined,
    tempDir: env.RUNNER_TEMP || tmpdir(),
    runId: runId ?? newRunId(env)
  }
}

/** Unique per run and attempt, readable on the engine: `<run id>-<attempt>-<random>` in Actions. */
export function newRunId(env: NodeJS.ProcessEnv): string {
  const random = randomHex(4)
  return env.GITHUB_RUN_ID
    ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${random}`
    : `local-${random}`
}
