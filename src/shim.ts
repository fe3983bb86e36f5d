// Must be imported before anything else of the bundle (src/index.ts: after lean-jit, which needs nothing). ncc emits an ESM bundle, and ssh2 (pulled in by docker-modem)
// reads __dirname at load time: without these globals the bundle dies with a ReferenceError.
import { fileURLToPath } from 'node:url'
import { dirname } from 'node:path'

const globals = globalThis as { __filename?: string; __dirname?: string }
globals.__filename ??= fileURLToPath(import.meta.url)
globals.__dirname ??= dirname(globals.__filename)
