import { readdirSync, readFileSync } from 'node:fs'
import Docker from 'dockerode'

// The whole-suite leak check: once every test has run, the engine must hold no new container at all, and
// no new image that this project's code or tests made (labelled io.docker-preflight.managed, or tagged the way
// tests and the default build tag name them). The seeded images (hello-world, busybox, the registry's
// copies) stay. No test means to keep anything, so the list of exceptions is empty. A disposable second
// dockerd (helpers/second-dockerd.ts) still running is a leak too.

// Jest loads this file outside the test module mapper, so it imports nothing from src/ (the `.js`
// specifiers would not resolve): the label is spelled out, and dockerode reads DOCKER_HOST itself.
const LABEL_MANAGED = 'io.docker-preflight.managed'

/** Images a test may deliberately keep (none today); matched against repo tags. */
const KEPT_IMAGES: RegExp[] = []

/** Tags that only this project's tests and builds produce. */
const OUR_TAGS = /^(docker-preflight\/|preflight-)/

/** As in global-setup.ts (no imports between the two: see above). */
function imageKey(image: Docker.ImageInfo): string {
  return `${image.Id} ${[...(image.RepoTags ?? [])].sort().join(',')}`
}

export default async function globalTeardown(): Promise<void> {
  const docker = new Docker()
  const leaks: string[] = []
  // What was there before the suite started (see global-setup.ts) is not the suite's to answer for.
  const before = (globalThis as { preflightBeforeSuite?: Set<string> }).preflightBeforeSuite ?? new Set()

  const containers = await docker.listContainers({ all: true })
  for (const c of containers.filter(c => !before.has(c.Id))) {
    const labels = Object.entries(c.Labels ?? {})
      .filter(([k]) => k.startsWith('io.docker-preflight.'))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')
    leaks.push(
      `container ${c.Names?.[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12)} (${c.Image}, ${c.State}: ${c.Command})${labels ? ` ${labels}` : ''}`
    )
  }

  const images = await docker.listImages({ all: false })
  for (const image of images.filter(i => !before.has(imageKey(i)))) {
    const tags = (image.RepoTags ?? []).filter(t => t !== '<none>:<none>')
    if (tags.some(tag => KEPT_IMAGES.some(kept => kept.test(tag)))) continue
    const managed = image.Labels?.[LABEL_MANAGED] !== undefined
    if (managed || tags.some(tag => OUR_TAGS.test(tag))) {
      leaks.push(`image ${tags.join(', ') || image.Id.slice(7, 19)}${managed ? ` (${LABEL_MANAGED})` : ''}`)
    }
  }

  for (const pid of readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
    let cmdline = ''
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
    } catch {
      continue
    }
    if (/^dockerd .*\/pf-dd-/.test(cmdline))
      leaks.push(`a second dockerd still running (pid ${pid}): ${cmdline}`)
  }

  if (leaks.length > 0) {
    throw new Error(`The test suite left ${leaks.length} thing(s) on the engine:\n- ${leaks.join('\n- ')}`)
  }
}
