import { execFileSync } from 'node:child_process'

// `npm test` brings the engine up in `pretest`; this covers a bare `npx jest` too. Quick when all is up.
export default function globalSetup(): void {
  execFileSync('bash', ['scripts/engine.sh', 'up'], { stdio: 'inherit' })
}
