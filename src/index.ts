// lean-jit first (it imports only node:v8), so that no code of ours runs before V8's optimizers are off;
// then the shim, before anything that reads __dirname: see src/shim.ts.
import './runtime/lean-jit.js'
import './shim.js'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PING_TIMEOUT_MS } from './engine/constants.js'
import { startEarlyPing, type PingOutcome } from './engine/early-ping.js'
import { resolveEndpoint } from './engine/endpoint.js'
import { enableCompileCache } from './runtime/compile-cache.js'
import { NOTHING_LEFT_LINE, postHasNothingToDo } from './runtime/state.js'

// Start-up matters (the action runs on every push): this entry imports nothing heavy. It sends the
// engine its first request at once, then loads the rest (the engine client, the stages, @actions/core)
// while the engine answers. The post step, when main left nothing on the engine, loads nothing at all.

/** The CLI (dist/cli.js) calls this; loading the CLI runtime only then keeps the action's start fast. */
export async function runCli(...args: Parameters<typeof import('./runtime/cli.js').runCli>): Promise<number> {
  const cli = await withoutDebug(() => import('./runtime/cli.js'))
  return cli.runCli(...args)
}

/**
 * Loads the heavy modules with DEBUG unset. docker-modem logs every request (headers included: registry
 * credentials travel in X-Registry-Config) and every reply to stderr, which the runner reads as the job
 * log, through `debug` when DEBUG names it (DEBUG=* does); `debug` reads DEBUG once, when it loads.
 */
async function withoutDebug<T>(load: () => Promise<T>): Promise<T> {
  const saved = process.env.DEBUG
  delete process.env.DEBUG
  try {
    return await load()
  } finally {
    if (saved !== undefined) process.env.DEBUG = saved
  }
}

/** True when node was started on this file (the action), false when imported (the CLI wrapper, tests). */
function isEntry(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

/** The main step's ping, sent before anything loads; undefined in the post step or on a bad address. */
function pingEarly(env: NodeJS.ProcessEnv): Promise<PingOutcome> | undefined {
  if (env.STATE_phase) return undefined // the post step
  try {
    const endpoint = resolveEndpoint(env['INPUT_DOCKER-HOST']?.trim() || undefined, env)
    return startEarlyPing(endpoint, PING_TIMEOUT_MS)
  } catch {
    return undefined // a malformed address is reported by input validation
  }
}

if (isEntry()) {
  if (postHasNothingToDo(process.env)) {
    // Main saw that nothing of its run was left (src/runtime/github.ts): its one line, and done.
    process.stdout.write(`${NOTHING_LEFT_LINE}\n`)
  } else {
    const earlyPing = pingEarly(process.env)
    enableCompileCache(process.env)
    const { runAction } = await withoutDebug(() => import('./runtime/github.js'))
    await runAction({ earlyPing })
  }
}
