// The shim must come first: see src/shim.ts.
import './shim.js'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runAction } from './runtime/github.js'

export { runCli } from './runtime/cli.js'

/** True when node was started on this file (the action), false when imported (the CLI wrapper, tests). */
function isEntry(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntry()) {
  await runAction()
}
