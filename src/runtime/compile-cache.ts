import module from 'node:module'
import { join } from 'node:path'

/**
 * Node 22.1+ can keep the V8 code of the modules it compiles on disk (module.enableCompileCache), so the
 * next docker-preflight step of the job (or of later jobs on a self-hosted runner, whose RUNNER_TEMP is
 * kept) skips compiling the bundle. Only in the action (RUNNER_TEMP set); Node 20 has no such API and
 * runs as before. Never fails the run: a cache that cannot be written is only slower.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv): void {
  const enable = (module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache
  if (typeof enable !== 'function' || !env.RUNNER_TEMP) return
  try {
    enable(join(env.RUNNER_TEMP, 'docker-preflight-compile-cache'))
  } catch {
    // a read-only or full RUNNER_TEMP: compile as usual
  }
}
