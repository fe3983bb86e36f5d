// Makes an image available per the pull policy, pulling with compact progress (one line every few
// seconds, not one per layer event). The pull stream is read line by line: an error line fails the pull,
// and a stream that closes before its end means the engine went away.
import type { IncomingMessage } from 'node:http'
import type { PullPolicy } from '../config.js'
import { EngineError, type EngineClient } from '../engine/client.js'
import { CancelledError, PreflightError, messageOf } from '../errors.js'
import { MALFORMED_LINE, readJsonLines } from '../engine/json-stream.js'
import { formatBytes, formatDuration } from '../format.js'
import type { Log } from '../log/log.js'
import { hasHealthcheck } from './healthcheck.js'

/** What the smoke stage needs to know about an image it runs. */
export interface ImageFacts {
  id: string
  reference: string
  /** HEALTHCHECK test, when the image has one (not NONE). */
  healthcheck?: string[]
  /** EXPOSEd ports in the order the image lists them, e.g. `80/tcp`. */
  exposedPorts: string[]
}

export class ImageUnavailableError extends PreflightError {
  constructor(message: string) {
    super(message)
    this.name = 'ImageUnavailableError'
  }
}

/** Pulls each reference at most once per run, however many entries use it. */
export class ImageProvider {
  private readonly pending = new Map<string, Promise<ImageFacts>>()

  constructor(
    private readonly client: EngineClient,
    private readonly policy: PullPolicy,
    private readonly log: Log,
    private readonly signal?: AbortSignal
  ) {}

  /** `local`: an image this run built (or an ID), never pulled whatever the policy. */
  provide(reference: string, local = false): Promise<ImageFacts> {
    const key = `${local ? 'local' : 'ref'}:${reference}`
    let pending = this.pending.get(key)
    if (!pending) {
      pending = this.resolve(reference, local)
      pending.catch(() => {})
      this.pending.set(key, pending)
    }
    return pending
  }

  private async resolve(reference: string, local: boolean): Promise<ImageFacts> {
    const isId = /^(sha256:)?[a-f0-9]{64}$/.test(reference)
    if (local || isId || this.policy === 'never') {
      const facts = await inspectImage(this.client, reference, this.signal)
      if (facts) return facts
      if (local || isId) throw new ImageUnavailableError(`image "${reference}" is not on the engine`)
      throw new ImageUnavailableError(`image "${reference}" is not on the engine, and pull-policy is never`)
    }
    if (this.policy === 'missing') {
      const facts = await inspectImage(this.client, reference, this.signal)
      if (facts) return facts
    }
    await pullImage(this.client, reference, this.log, this.signal)
    const facts = await inspectImage(this.client, reference, this.signal)
    if (!facts) throw new ImageUnavailableError(`image "${reference}" was pulled but is not on the engine`)
    return facts
  }
}

export async function inspectImage(
  client: EngineClient,
  reference: string,
  signal?: AbortSignal
): Promise<ImageFacts | undefined> {
  let info
  try {
    info = await client.images.inspect(reference, signal)
  } catch (error) {
    if (signal?.aborted) throw new CancelledError()
    throw unavailable(reference, 'inspected', error)
  }
  if (!info) return undefined
  const test = info.Config?.Healthcheck?.Test
  return {
    id: info.Id,
    reference,
    healthcheck: hasHealthcheck(info.Config) ? test : undefined,
    exposedPorts: Object.keys(info.Config?.ExposedPorts ?? {})
  }
}

/** The engine refused: the image is unavailable, in its words. An engine that went away says so itself. */
function unavailable(reference: string, what: string, error: unknown): unknown {
  if (error instanceof EngineError && error.kind !== 'http') return error
  return new ImageUnavailableError(`image "${reference}" could not be ${what}: ${messageOf(error)}`)
}

interface PullEvent {
  status?: string
  id?: string
  progressDetail?: { current?: number; total?: number }
  error?: string
  errorDetail?: { message?: string }
}

const PROGRESS_EVERY_MS = 2000

/** Pulls one reference; rejects with ImageUnavailableError naming what the registry said. */
export async function pullImage(
  client: EngineClient,
  reference: string,
  log: Log,
  signal?: AbortSignal
): Promise<void> {
  const started = Date.now()
  log.progress(`Pulling ${reference}`)
  let stream: IncomingMessage
  try {
    stream = await client.images.pull(reference, signal)
  } catch (error) {
    if (signal?.aborted) throw new CancelledError()
    throw unavailable(reference, 'pulled', error)
  }

  const layers = new Map<string, { current: number; total: number; done: boolean }>()
  let lastStatus = ''
  let lastShown = Date.now()
  const onEvent = (event: PullEvent): string | undefined => {
    if (event.error || event.errorDetail) return event.errorDetail?.message ?? event.error ?? ''
    if (event.status?.startsWith('Status:') || event.status?.startsWith('Digest:')) lastStatus = event.status
    if (event.id && event.status && /^[a-f0-9]{12}$/.test(event.id)) {
      const layer = layers.get(event.id) ?? { current: 0, total: 0, done: false }
      if (event.progressDetail?.total) {
        layer.current = event.progressDetail.current ?? layer.current
        layer.total = event.progressDetail.total
      }
      if (/complete|Already exists/i.test(event.status)) layer.done = true
      layers.set(event.id, layer)
    }
    if (Date.now() - lastShown >= PROGRESS_EVERY_MS) {
      lastShown = Date.now()
      log.progress(`Pulling ${reference}: ${describeLayers(layers)}`)
    }
    return undefined
  }

  const end = await readJsonLines(stream, onEvent, signal)
  if (end.kind === 'lost') throw client.lost(`pulling ${reference}`)
  if (end.kind !== 'end') {
    const message = end.kind === 'error' ? end.message : MALFORMED_LINE
    throw new ImageUnavailableError(`image "${reference}" could not be pulled: ${message}`)
  }
  log.progress(
    `Pulled ${reference} in ${formatDuration(Date.now() - started)}: ${describeLayers(layers)}${lastStatus ? ` (${lastStatus})` : ''}`
  )
}

function describeLayers(layers: Map<string, { current: number; total: number; done: boolean }>): string {
  const all = [...layers.values()]
  const done = all.filter(l => l.done).length
  const current = all.reduce((sum, l) => sum + (l.done ? l.total : l.current), 0)
  const total = all.reduce((sum, l) => sum + l.total, 0)
  const size = total > 0 ? `, ${formatBytes(current)}/${formatBytes(total)}` : ''
  return `${done}/${all.length} layers${size}`
}
