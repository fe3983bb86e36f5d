import { execFileSync } from 'node:child_process'
import Docker from 'dockerode'

// `npm test` brings the engine up in `pretest`; this covers a bare `npx jest` too. Quick when all is up.
// It then notes what the engine already holds, so the leak check in global-teardown.ts blames the suite
// only for what the suite left (an earlier `npm start` keeps its built image, and that is no leak).
/** An image counts as the same only with the same tags: a test that re-tags an old image still leaks. */
export function imageKey(image: Docker.ImageInfo): string {
  return `${image.Id} ${[...(image.RepoTags ?? [])].sort().join(',')}`
}

export default async function globalSetup(): Promise<void> {
  execFileSync('bash', ['scripts/engine.sh', 'up'], { stdio: 'inherit' })
  // A bare `PREFLIGHT_ENGINE=28 npx jest` (not through `npm test`, which sets it): point the workers,
  // started after this, at the engine that was brought up.
  if (!process.env.DOCKER_HOST) {
    const host = execFileSync('bash', ['scripts/engine.sh', 'host'], { encoding: 'utf8' }).trim()
    if (host) process.env.DOCKER_HOST = host
  }
  const docker = new Docker()
  const [containers, images] = await Promise.all([
    docker.listContainers({ all: true }),
    docker.listImages({ all: false })
  ])
  // Jest hands globals set here to the global teardown (same process).
  ;(globalThis as { preflightBeforeSuite?: Set<string> }).preflightBeforeSuite = new Set([
    ...containers.map(c => c.Id),
    ...images.map(imageKey)
  ])
}
