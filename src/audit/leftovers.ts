import type { EngineClient } from '../engine/client.js'
import { messageOf } from '../errors.js'
import { LABEL_MANAGED, LABEL_ROLE, LABEL_RUN } from '../labels.js'

// Containers and images that earlier runs labelled and left behind. The post step removes a run's
// containers, so a container still here means a job that was killed before its post step (a runner
// that lost power, `kill -9`), or a run with `cleanup: false`. Images stay by design unless
// `cleanup-images` is on; they are listed so an audit sees what piles up.

export interface LeftoverContainer {
  id: string
  name: string
  image: string
  /** running, exited, created... */
  state: string
  /** The run that created it (label io.docker-preflight.run). */
  runId: string
  /** smoke or build (label io.docker-preflight.role). */
  role?: string
  created: string
  ageMs: number
}

export interface LeftoverImage {
  id: string
  shortId: string
  tags: string[]
  sizeBytes: number
  runId: string
  role?: string
  created: string
  ageMs: number
}

export interface Leftovers {
  containers: LeftoverContainer[]
  images: LeftoverImage[]
  /** Set when the engine could not list them; the lists are then empty. */
  error?: string
}

export interface LeftoverInput {
  client: EngineClient
  /** This run: what it created is not a leftover. */
  runId: string
  /** For tests; defaults to the current time. */
  now?: number
  signal?: AbortSignal
}

/** Lists what earlier runs left, oldest first. Never throws: a listing error is reported in `error`. */
export async function findLeftovers(input: LeftoverInput): Promise<Leftovers> {
  const { client, runId, signal } = input
  const now = input.now ?? Date.now()
  const filters = { label: [`${LABEL_MANAGED}=true`] }
  try {
    const [containers, images] = await Promise.all([
      client.containers.list({ all: true, filters }, signal),
      client.images.list(filters, signal)
    ])
    const fromEarlierRun = (
      labels: Record<string, string> | null | undefined
    ): labels is Record<string, string> =>
      !!labels && labels[LABEL_RUN] !== undefined && labels[LABEL_RUN] !== runId
    const leftContainers = containers
      .filter(c => fromEarlierRun(c.Labels))
      .map(c => {
        const createdMs = c.Created * 1000
        return {
          id: c.Id,
          name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
          image: c.Image,
          state: c.State,
          runId: c.Labels[LABEL_RUN]!,
          role: c.Labels[LABEL_ROLE],
          created: new Date(createdMs).toISOString(),
          ageMs: Math.max(0, now - createdMs)
        }
      })
    const leftImages = images
      .filter(i => fromEarlierRun(i.Labels))
      .map(i => {
        const createdMs = i.Created * 1000
        const labels = i.Labels as Record<string, string>
        return {
          id: i.Id,
          shortId: i.Id.replace(/^sha256:/, '').slice(0, 12),
          tags: (i.RepoTags ?? []).filter(t => t !== '<none>:<none>'),
          sizeBytes: i.Size,
          runId: labels[LABEL_RUN]!,
          role: labels[LABEL_ROLE],
          created: new Date(createdMs).toISOString(),
          ageMs: Math.max(0, now - createdMs)
        }
      })
    const oldestFirst = (a: { ageMs: number }, b: { ageMs: number }): number => b.ageMs - a.ageMs
    return { containers: leftContainers.sort(oldestFirst), images: leftImages.sort(oldestFirst) }
  } catch (error) {
    return { containers: [], images: [], error: `Could not list leftovers: ${messageOf(error)}` }
  }
}
