// The build endpoint answers with newline-delimited JSON. Both builders' events are classified here;
// BuildKit's arrive as `moby.buildkit.trace` events whose `aux` is a base64 protobuf StatusResponse,
// which dockerode 5.0.1 passes through undecoded. The stream is parsed here rather than with
// modem.followProgress, which throws on a line that is not JSON and reports a failed build as success.

import { LineSplitter } from '../lines.js'
import { asBytes, asInt64, asString, asUint, protoFields } from '../engine/protowire.js'

export interface BuildKitVertex {
  digest: string
  name: string
  cached: boolean
  started: boolean
  completed: boolean
  error?: string
}

export interface BuildKitVertexStatus {
  id: string
  vertex: string
  name: string
  current: number
  total: number
  completed: boolean
}

export interface BuildKitLog {
  vertex: string
  text: string
}

export interface BuildKitStatus {
  vertexes: BuildKitVertex[]
  statuses: BuildKitVertexStatus[]
  logs: BuildKitLog[]
  warnings: string[]
}

export type BuildEvent =
  /** Classic builder output (step headers, RUN output). */
  | { kind: 'stream'; text: string }
  /** Image pull progress (classic builder). `id` is a layer, or a tag for whole-image lines. */
  | { kind: 'pull'; status: string; id?: string; current?: number; total?: number }
  /** An image ID: classic `aux.ID` (one per stage; the last is the result) or BuildKit `moby.image.id`. */
  | { kind: 'image'; id: string }
  | { kind: 'trace'; status: BuildKitStatus }
  | { kind: 'error'; message: string; code?: number }
  /** A line that is not JSON, or JSON of a shape not known here: shown as it is. */
  | { kind: 'text'; text: string }

/** Every event of a build response stream, in order. Blank lines are skipped. */
export async function* buildEvents(stream: AsyncIterable<Buffer | string>): AsyncGenerator<BuildEvent> {
  const splitter = new LineSplitter()
  for await (const chunk of stream) {
    for (const line of splitter.push(chunk)) yield* parseLine(line)
  }
  for (const line of splitter.end()) yield* parseLine(line)
}

/** The events in one line of the response (usually one; none for a blank line). */
export function parseLine(line: string): BuildEvent[] {
  const trimmed = line.trim()
  if (trimmed === '') return []
  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch {
    return [{ kind: 'text', text: line.replace(/\r$/, '') }]
  }
  if (typeof json !== 'object' || json === null) return [{ kind: 'text', text: trimmed }]
  return [classify(json as Record<string, unknown>)]
}

function classify(event: Record<string, unknown>): BuildEvent {
  const detail = event.errorDetail as { message?: unknown; code?: unknown } | undefined
  if (event.error !== undefined || detail !== undefined) {
    const message = String(detail?.message ?? event.error ?? 'the build failed')
    return { kind: 'error', message, code: typeof detail?.code === 'number' ? detail.code : undefined }
  }
  if (event.id === 'moby.buildkit.trace' && typeof event.aux === 'string') {
    return { kind: 'trace', status: decodeBuildKitStatus(event.aux) }
  }
  const aux = event.aux as { ID?: unknown } | undefined
  if (aux && typeof aux.ID === 'string') return { kind: 'image', id: aux.ID }
  if (typeof event.stream === 'string') return { kind: 'stream', text: event.stream }
  if (typeof event.status === 'string') {
    const progress = event.progressDetail as { current?: unknown; total?: unknown } | undefined
    return {
      kind: 'pull',
      status: event.status,
      id: typeof event.id === 'string' ? event.id : undefined,
      current: typeof progress?.current === 'number' ? progress.current : undefined,
      total: typeof progress?.total === 'number' ? progress.total : undefined
    }
  }
  return { kind: 'text', text: JSON.stringify(event) }
}

// moby.buildkit.v1.StatusResponse, the fields this module reads (buildkit api/services/control
// control.proto): vertexes 1 (Vertex: digest 1, name 3, cached 4, started 5, completed 6, error 7),
// statuses 2 (VertexStatus: ID 1, vertex 2, name 3, current 4, total 5, completed 8), logs 3 (VertexLog:
// vertex 1, msg 4), warnings 4 (VertexWarning: short 3). A Timestamp field is "set" when present.

function decodeVertex(message: Buffer): BuildKitVertex {
  const vertex: BuildKitVertex = { digest: '', name: '', cached: false, started: false, completed: false }
  for (const [field, value] of protoFields(message)) {
    if (field === 1) vertex.digest = asString(value)
    else if (field === 3) vertex.name = asString(value)
    else if (field === 4) vertex.cached = asUint(value) !== 0
    else if (field === 5) vertex.started = true
    else if (field === 6) vertex.completed = true
    else if (field === 7) vertex.error = asString(value) || undefined
  }
  return vertex
}

function decodeVertexStatus(message: Buffer): BuildKitVertexStatus {
  const status: BuildKitVertexStatus = {
    id: '',
    vertex: '',
    name: '',
    current: 0,
    total: 0,
    completed: false
  }
  for (const [field, value] of protoFields(message)) {
    if (field === 1) status.id = asString(value)
    else if (field === 2) status.vertex = asString(value)
    else if (field === 3) status.name = asString(value)
    else if (field === 4) status.current = Number(asInt64(value))
    else if (field === 5) status.total = Number(asInt64(value))
    else if (field === 8) status.completed = true
  }
  return status
}

/** Decodes the base64 protobuf of a `moby.buildkit.trace` event. A malformed one decodes to nothing. */
export function decodeBuildKitStatus(base64: string): BuildKitStatus {
  const status: BuildKitStatus = { vertexes: [], statuses: [], logs: [], warnings: [] }
  try {
    for (const [field, value] of protoFields(Buffer.from(base64, 'base64'))) {
      const message = asBytes(value)
      if (field === 1) status.vertexes.push(decodeVertex(message))
      else if (field === 2) status.statuses.push(decodeVertexStatus(message))
      else if (field === 3) {
        const log: BuildKitLog = { vertex: '', text: '' }
        for (const [f, v] of protoFields(message)) {
          if (f === 1) log.vertex = asString(v)
          else if (f === 4) log.text = asString(v)
        }
        status.logs.push(log)
      } else if (field === 4) {
        let text = ''
        for (const [f, v] of protoFields(message)) if (f === 3) text = asString(v)
        status.warnings.push(text)
      }
    }
  } catch {
    return { vertexes: [], statuses: [], logs: [], warnings: [] }
  }
  return status
}
