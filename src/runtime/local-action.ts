// `run()` for GitHub's @github/local-action (src/main.ts exports it). local-action shows what an action
// did by replacing @actions/core with its stub, so this entry hands the runtime the real package: the stub
// then sees the outputs, the state and the annotations. dist/index.js keeps the slim copy
// (src/runtime/actions-core.ts) and none of the package's OIDC client.
import * as core from '@actions/core'
import { runAction } from './github.js'

/** Runs the action's main step (or its post step, when the runner's state says so). */
export async function run(): Promise<void> {
  await runAction({ core })
}
