import module from 'node:module'
import { join } from 'node:path'

/**
 * Node 22.1+ can keep the V8 code of the modules it compiles on disk (module.enableCompileCache), so a
 * later start skips compiling the bundle. Kept in the runner's tool cache when there is one: a self-hosted
 * runner keeps it from job to job, so every job after the first starts warm (RUNNER_TEMP is emptied at
 * the start and end of every job, and the post step mostly does not run: action.yml's post-if). Else in
 * RUNNER_TEMP, for a job's later docker-preflight steps. Node keys entries by the file's path and content,
 * so each version of the action has its own. Only in the action (RUNNER_TEMP set); Node 20 has no such API
 * and runs as before. Never fails the run: a cache that cannot be written is only slower.
 */
function compileCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.RUNNER_TEMP) return undefined
  return join(env.RUNNER_TOOL_CACHE || env.RUNNER_TEMP, 'docker-preflight-compile-cache')
}

export function enableCompileCache(env: NodeJS.ProcessEnv): void {
  const enable = (module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache
  const dir = compileCacheDir(env)
  if (typeof enable !== 'function' || !dir) return
  try {
    enable(dir)
  } catch {
    // a read-only or full cache directory: compile as usual
  }
}
