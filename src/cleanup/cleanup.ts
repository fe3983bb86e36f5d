import type Docker from 'dockerode'
import { api } from '../engine/api.js'
import { engineFailure } from '../engine/check.js'
import { connect, resolveEndpoint, type Endpoint } from '../engine/connect.js'
import { errorCode, messageOf } from '../errors.js'
import { LABEL_RUN } from '../labels.js'
import type { Log } from '../log/log.js'

// Finds what one run created on the engine by its label and removes it. Used by the post step (always)
// and by main when the job is cancelled. Everything here tolerates things that are already gone: smoke
// containers with AutoRemove, a stage that removed its own container a moment before, a second cleanup.

export interface RemovedContainer {
  id: string
  /** Without the leading slash, as `docker ps` shows it. */
  name: string
  image: string
  /** running, exited, created... at the time it was removed. */
  state: string
}

export interface RemovedImage {
  id: string
  tags: string[]
}

export interface CleanupResult {
  containers: RemovedContainer[]
  images: RemovedImage[]
  /** Networks and named volumes the run's Compose stacks left (labelled with the run). */
  networks: string[]
  volumes: string[]
  /** What could not be removed or listed, one sentence each (the engine's own words included). */
  problems: string[]
}

export interface CleanupInput {
  docker: Docker
  runId: string
  /** Also remove the images this run built (the `cleanup-images` input). */
  removeImages: boolean
  log: Log
  signal?: AbortSignal
}

export interface CleanupAtInput {
  /** The docker-host input (else DOCKER_HOST, else the default socket). */
  dockerHost: string | undefined
  processEnv: NodeJS.ProcessEnv
  runId: string
  removeImages: boolean
  log: Log
  timeoutMs: number
  /** When set, ping first: an engine that does not answer in this time cannot be cleaned in time either. */
  pingTimeoutMs?: number
}

/**
 * `cleanupRun` at an endpoint named the way the inputs name it, for the runtimes' after-the-run cleanup
 * (the post step, main after a cancel, the CLI). Never rejects: an engine that cannot be used is the
 * result's one problem, in the words the engine check would use.
 */
export async function cleanupAt(input: CleanupAtInput): Promise<CleanupResult> {
  let endpoint: Endpoint | undefined
  try {
    endpoint = resolveEndpoint(input.dockerHost, input.processEnv)
    const docker = connect(endpoint)
    if (input.pingTimeoutMs) await api.ping(docker, AbortSignal.timeout(input.pingTimeoutMs))
    const { runId, removeImages, log } = input
    return await cleanupRun({
      docker,
      runId,
      removeImages,
      log,
      signal: AbortSignal.timeout(input.timeoutMs)
    })
  } catch (error) {
    const why = endpoint ? (await engineFailure(endpoint, error, 'cleanup')).message : messageOf(error)
    return { containers: [], images: [], networks: [], volumes: [], problems: [why] }
  }
}

/**
 * Whether the post step would find nothing to remove: no container, network or volume labelled with the
 * run (what `removeLabelled` lists). False when anything is there or the engine could not say: the post
 * step then looks again itself. Images are not looked at; `cleanup-images` always leaves work for post.
 */
export async function nothingLeftAt(input: {
  dockerHost: string | undefined
  processEnv: NodeJS.ProcessEnv
  runId: string
  timeoutMs: number
}): Promise<boolean> {
  if (!input.runId.trim()) return false
  try {
    const docker = connect(resolveEndpoint(input.dockerHost, input.processEnv))
    const filters = { label: [`${LABEL_RUN}=${input.runId}`] }
    const signal = AbortSignal.timeout(input.timeoutMs)
    const [containers, networks, volumes] = (await Promise.all([
      docker.listContainers({ all: true, filters, abortSignal: signal }),
      docker.listNetworks({ filters, abortSignal: signal } as object),
      docker.listVolumes({ filters, abortSignal: signal } as object)
    ])) as [unknown[], unknown[], { Volumes?: unknown[] | null }]
    return containers.length === 0 && networks.length === 0 && (volumes.Volumes ?? []).length === 0
  } catch {
    return false
  }
}

/**
 * HTTP answers that mean "nothing left to do": 404 already gone, 304 already stopped, 409 a removal
 * already in progress (AutoRemove, or another cleanup).
 */
const ALREADY_GONE = new Set<unknown>([404, 304, 409])

/**
 * Removes every container (with its anonymous volumes) and, when asked, every image labelled with the
 * run. Throws only when the engine cannot even list them; other failures are collected in `problems`.
 */
export async function cleanupRun(input: CleanupInput): Promise<CleanupResult> {
  const { docker, runId, removeImages, log, signal } = input
  // An empty run id would select label values that are empty; never guess what to delete.
  if (!runId.trim()) throw new Error('cleanupRun: a run id is required')
  const filters = { label: [`${LABEL_RUN}=${runId}`] }
  const result: CleanupResult = { containers: [], images: [], networks: [], volumes: [], problems: [] }
  await removeLabelled(docker, `${LABEL_RUN}=${runId}`, result, log, signal)

  if (!removeImages) return result
  let images: Docker.ImageInfo[] = []
  try {
    images = await docker.listImages({ filters, abortSignal: signal } as Docker.ListImagesOptions)
  } catch (error) {
    result.problems.push(`Could not list the images of run ${runId}: ${messageOf(error)}`)
  }
  // One at a time: images of one build can share layers, and the engine serialises deletes anyway.
  for (const info of images) {
    const image: RemovedImage = {
      id: info.Id,
      tags: (info.RepoTags ?? []).filter(t => t !== '<none>:<none>')
    }
    try {
      await docker.getImage(info.Id).remove({ force: true, abortSignal: signal })
      result.images.push(image)
    } catch (error) {
      if (ALREADY_GONE.has(errorCode(error))) {
        log.debug(`image ${image.id} was already gone (${errorCode(error)})`)
      } else {
        result.problems.push(`Could not remove image ${image.tags[0] ?? image.id}: ${messageOf(error)}`)
      }
    }
  }
  return result
}

/**
 * Removes every container (with its anonymous volumes), then every network and volume, carrying
 * `label` (`key=value`), into `result`. Throws only when the engine cannot list containers.
 */
export async function removeLabelled(
  docker: Docker,
  label: string,
  result: CleanupResult,
  log: Log,
  signal?: AbortSignal
): Promise<void> {
  const filters = { label: [label] }
  // An engine that cannot list cannot remove either: that error is the caller's to word (it knows the endpoint).
  const containers = await docker.listContainers({ all: true, filters, abortSignal: signal })
  // Concurrently: a cancelled job has seconds left, and each removal of a running container takes a kill.
  await Promise.all(
    containers.map(async info => {
      const container: RemovedContainer = {
        id: info.Id,
        name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
        image: info.Image,
        state: info.State
      }
      try {
        await docker.getContainer(info.Id).remove({ force: true, v: true, abortSignal: signal } as object)
        result.containers.push(container)
      } catch (error) {
        if (ALREADY_GONE.has(errorCode(error))) {
          log.debug(`container ${container.name} was already gone (${errorCode(error)})`)
        } else {
          result.problems.push(`Could not remove container ${container.name}: ${messageOf(error)}`)
        }
      }
    })
  )
  // Networks and volumes (a Compose stack's) only once their containers are gone: the engine refuses
  // to remove one in use.
  const listed = await Promise.all([
    docker.listNetworks({ filters, abortSignal: signal } as object).catch((error: unknown) => {
      result.problems.push(`Could not list networks labelled ${label}: ${messageOf(error)}`)
      return []
    }),
    docker.listVolumes({ filters, abortSignal: signal } as object).catch((error: unknown) => {
      result.problems.push(`Could not list volumes labelled ${label}: ${messageOf(error)}`)
      return { Volumes: [] }
    })
  ])
  const [networks, volumes] = listed as [
    Docker.NetworkInspectInfo[],
    { Volumes?: Docker.VolumeInspectInfo[] }
  ]
  await Promise.all([
    ...networks.map(async network => {
      try {
        await docker.getNetwork(network.Id).remove({ abortSignal: signal } as object)
        result.networks.push(network.Name)
      } catch (error) {
        if (errorCode(error) === 404) log.debug(`network ${network.Name} was already gone`)
        else result.problems.push(`Could not remove network ${network.Name}: ${messageOf(error)}`)
      }
    }),
    ...(volumes.Volumes ?? []).map(async volume => {
      try {
        await docker.getVolume(volume.Name).remove({ abortSignal: signal } as object)
        result.volumes.push(volume.Name)
      } catch (error) {
        if (errorCode(error) === 404) log.debug(`volume ${volume.Name} was already gone`)
        else result.problems.push(`Could not remove volume ${volume.Name}: ${messageOf(error)}`)
      }
    })
  ])
}

/** Lines for the log: what was removed, or that nothing was left (never said when something failed). */
export function describeCleanup(result: CleanupResult): string[] {
  const lines: string[] = []
  for (const c of result.containers) {
    lines.push(`Removed container ${c.name} (${c.id.slice(0, 12)}, ${c.state}, image ${c.image})`)
  }
  for (const n of result.networks) lines.push(`Removed network ${n}`)
  for (const v of result.volumes) lines.push(`Removed volume ${v}`)
  for (const i of result.images) {
    lines.push(`Removed image ${i.tags.length > 0 ? i.tags.join(', ') : i.id}`)
  }
  if (lines.length === 0 && result.problems.length === 0)
    lines.push('Nothing of this run was left on the engine.')
  return lines
}
