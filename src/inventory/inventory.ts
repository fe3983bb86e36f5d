import type { ContainerListItem, EngineClient, HistoryItem, ImageListItem } from '../engine/client.js'
import type { ReportScope } from '../config.js'
import type { BuildResult } from '../build/types.js'
import { CancelledError, messageOf, throwIfAborted } from '../errors.js'
import { oneLine } from '../format.js'
import { canonicalReference, familiarReference, isImageId } from '../image/reference.js'
import { LABEL_RUN } from '../labels.js'
import type { SmokeResult } from '../smoke/run.js'

export interface LayerSummary {
  sizeBytes: number
  /** The instruction that made the layer, on one line (`RUN apk add curl`, `COPY . /app`). */
  createdBy: string
  created: string
}

export interface ImageSummary {
  /** Full ID, `sha256:<64 hex>`. */
  id: string
  /** 12 hex digits, as `docker image ls` shows it. */
  shortId: string
  /** `repository:tag`; empty for a dangling image. */
  tags: string[]
  /** `repository@sha256:...`, for images pulled by digest or pushed. */
  digests: string[]
  sizeBytes: number
  created: string
  /** True for the image this run built. */
  built?: boolean
  /** Only for the image this run built: its labels (untrusted text). */
  labels?: Record<string, string>
  /** Only for the image this run built: its layers in Dockerfile order (base image first). */
  layers?: LayerSummary[]
}

export interface ContainerSummary {
  id: string
  name: string
  image: string
  command: string
  /** created, running, exited, ... as the engine says; `removed` when only the smoke record is left. */
  state: string
  /** The engine's human status (`Exited (0) 3 seconds ago`); empty for removed containers. */
  status: string
  exitCode?: number
  created: string
  /** `127.0.0.1:49153->80/tcp`, or `80/tcp` when not published. */
  ports: string[]
  /** True when the container is gone (cleanup) and this row comes from what the smoke stage recorded. */
  removed: boolean
}

export interface Inventory {
  scope: ReportScope
  images: ImageSummary[]
  containers: ContainerSummary[]
  /** What could not be listed, one sentence each (the report shows the rest). */
  errors: string[]
  durationMs: number
}

export interface InventoryInput {
  client: EngineClient
  scope: ReportScope
  runId: string
  build?: BuildResult
  smoke?: SmokeResult
  /** Images the smoke stage used (by reference), for scope `run`. */
  usedImages: string[]
  signal?: AbortSignal
}

/**
 * The image half of the inventory: the engine's image list and the built image's history. Neither
 * changes once every image of the run is on the engine (built, pulled), so the pipeline lists them then,
 * beside the smoke containers, rather than after them (the image list is the slowest listing: ~20 ms for
 * 200 images on dockerd 20.10). Failures are lines in `errors`; it rejects only with CancelledError.
 */
export interface ImageListing {
  /** When the listing began (Date.now()): the inventory's duration counts from its first listing. */
  startedMs: number
  list?: ImageListItem[]
  /** Only for the built image. */
  history?: HistoryItem[]
  errors: string[]
}

export async function listImages(input: {
  client: EngineClient
  build?: BuildResult
  signal?: AbortSignal
}): Promise<ImageListing> {
  const startedMs = Date.now()
  const { client, signal } = input
  throwIfAborted(signal)
  const errors: string[] = []
  const builtId = builtIdOf(input.build)
  const [list, history] = await Promise.all([
    attempt(errors, 'list images', signal, () => client.images.list(undefined, signal)),
    builtId
      ? attempt(errors, 'read the built image history', signal, () => client.images.history(builtId, signal))
      : Promise.resolve(undefined)
  ])
  return { startedMs, list, history, errors }
}

// The fields of /images/json and /containers/json this stage reads (API 1.41).
/**
 * The inventory stage: what `docker image ls` and `docker container ls --all` would show, for the run's own
 * images and containers (scope `run`) or everything on the engine (scope `all`). One list call for images
 * and one for containers whatever their number, no per-item inspect; the image history only for the
 * built image. The containers are listed now (they must show the run's end); the images come from
 * `images` when the caller listed them earlier (listImages), else they are listed now too.
 */
export async function takeInventory(
  input: InventoryInput & { images?: Promise<ImageListing> }
): Promise<Inventory> {
  const started = Date.now()
  const { client, scope, signal } = input
  throwIfAborted(signal)
  const containerErrors: string[] = []
  const builtId = builtIdOf(input.build)

  const [listing, containerList] = await Promise.all([
    input.images ?? listImages({ client, build: input.build, signal }),
    attempt(containerErrors, 'list containers', signal, () =>
      client.containers.list(
        { all: true, filters: scope === 'run' ? { label: [`${LABEL_RUN}=${input.runId}`] } : undefined },
        signal
      )
    )
  ])
  const { list: imageList, history } = listing
  const errors = [...listing.errors, ...containerErrors]

  const containers = mergeRecorded((containerList ?? []).map(toContainer), input.smoke)

  let images = (imageList ?? []).map(toImage)
  if (scope === 'run') {
    const wanted = new ImageMatcher([
      ...(builtId ? [builtId] : []),
      ...input.usedImages,
      ...(containerList ?? []).map(c => c.ImageID ?? c.Image)
    ])
    images = images.filter(image => wanted.matches(image))
  }
  for (const image of images) {
    if (!builtId || !sameId(image.id, builtId)) continue
    image.built = true
    const raw = imageList?.find(i => i.Id === image.id)
    if (raw?.Labels && Object.keys(raw.Labels).length > 0) image.labels = raw.Labels
    if (history) image.layers = toLayers(history)
  }

  images.sort((a, b) => Number(b.built ?? false) - Number(a.built ?? false) || byText(b.created, a.created))
  containers.sort((a, b) => byText(b.created, a.created) || byText(a.name, b.name))
  const durationMs = Date.now() - Math.min(started, listing.startedMs)
  return { scope, images, containers, errors, durationMs }
}

function builtIdOf(build: BuildResult | undefined): string | undefined {
  return build?.status === 'built' ? build.imageId : undefined
}

/** Runs one engine call; a failure becomes a line in `errors` (the report still shows the rest). */
async function attempt<T>(
  errors: string[],
  doing: string,
  signal: AbortSignal | undefined,
  call: () => Promise<T>
): Promise<T | undefined> {
  try {
    return await call()
  } catch (error) {
    if (signal?.aborted) throw new CancelledError()
    errors.push(`Could not ${doing}: ${messageOf(error)}`)
    return undefined
  }
}

function iso(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

function toImage(item: ImageListItem): ImageSummary {
  return {
    id: item.Id,
    shortId: shortId(item.Id),
    tags: (item.RepoTags ?? []).filter(t => t !== '<none>:<none>').map(familiarReference),
    digests: (item.RepoDigests ?? []).filter(d => d !== '<none>@<none>').map(familiarReference),
    sizeBytes: item.Size,
    created: iso(item.Created)
  }
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12)
}

function sameId(a: string, b: string): boolean {
  const x = a.replace(/^sha256:/, '')
  const y = b.replace(/^sha256:/, '')
  return x.length >= 12 && y.length >= 12 && (x.startsWith(y) || y.startsWith(x))
}

function toContainer(item: ContainerListItem): ContainerSummary {
  const exited = /^Exited \((-?\d+)\)/.exec(item.Status)
  return {
    id: item.Id,
    name: (item.Names?.[0] ?? item.Id.slice(0, 12)).replace(/^\//, ''),
    image: familiarReference(item.Image),
    command: item.Command,
    state: item.State,
    status: item.Status,
    exitCode: exited ? Number(exited[1]) : undefined,
    created: iso(item.Created),
    ports: (item.Ports ?? []).map(formatPort),
    removed: false
  }
}

function formatPort(port: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }): string {
  if (!port.PublicPort) return `${port.PrivatePort}/${port.Type}`
  const host = port.IP && port.IP.includes(':') ? `[${port.IP}]` : (port.IP ?? '')
  return `${host}:${port.PublicPort}->${port.PrivatePort}/${port.Type}`
}

/** The live containers, plus the smoke stage's records of those already removed. */
function mergeRecorded(live: ContainerSummary[], smoke: SmokeResult | undefined): ContainerSummary[] {
  const byId = new Map(live.map(c => [c.id, c]))
  for (const result of smoke?.results ?? []) {
    const record = result.container
    if (!record) continue
    const current = byId.get(record.id)
    if (current) {
      current.exitCode ??= result.exitCode
      // A kept container the smoke stage saw exit can still be listed as running for a moment: the
      // engine answers the wait before it updates the view its container list reads (dockerd 28).
      if (record.state === 'exited' && current.state === 'running') {
        current.state = 'exited'
        current.status = current.exitCode === undefined ? 'Exited' : `Exited (${current.exitCode})`
      }
      continue
    }
    const row: ContainerSummary = {
      id: record.id,
      name: record.name,
      image: result.image,
      command: record.command,
      state: 'removed',
      status: record.state ? `${record.state}, then removed` : 'removed',
      exitCode: result.exitCode,
      created: record.created,
      ports: record.ports,
      removed: true
    }
    byId.set(record.id, row)
    live.push(row)
  }
  return live
}

/** History comes newest first; layers are reported in Dockerfile order. */
function toLayers(history: HistoryItem[]): LayerSummary[] {
  return [...history].reverse().map(item => ({
    sizeBytes: item.Size,
    createdBy: instruction(item.CreatedBy),
    created: iso(item.Created)
  }))
}

/**
 * One line for a history entry, as a Dockerfile would say it: the classic builder writes
 * `/bin/sh -c #(nop)  CMD ["sh"]` for metadata and `|2 A=1 B=2 /bin/sh -c make` for RUN with build args;
 * BuildKit writes `RUN /bin/sh -c make # buildkit`.
 */
export function instruction(createdBy: string): string {
  let text = oneLine(createdBy)
  text = text.replace(/ # buildkit$/, '')
  const nop = /^\/bin\/sh -c #\(nop\) ?(.*)$/.exec(text)
  if (nop) return nop[1]!.trim()
  const run = /^(?:\|\d+ (?:\S+=\S* )*)?\/bin\/sh -c (.*)$/.exec(text)
  if (run) return `RUN ${run[1]!.trim()}`
  return text.replace(/^RUN \/bin\/sh -c /, 'RUN ')
}

/** Matches images by ID or by reference as a user or a smoke entry wrote it (`busybox` = `busybox:latest`). */
class ImageMatcher {
  private readonly ids: string[] = []
  private readonly refs = new Set<string>()

  constructor(references: string[]) {
    for (const ref of references) {
      if (isImageId(ref)) this.ids.push(ref.replace(/^sha256:/, ''))
      else this.refs.add(canonicalReference(ref))
    }
  }

  matches(image: ImageSummary): boolean {
    if (this.ids.some(id => sameId(id, image.id))) return true
    return [...image.tags, ...image.digests].some(ref => this.refs.has(canonicalReference(ref)))
  }
}

/** Code-point order: the same as localeCompare for ISO dates, without loading ICU (~9 MB) for a sort. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
