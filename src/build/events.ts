// The build endpoint answers with newline-delimited JSON. Both builders' events are classified here;
// BuildKit's arrive as `moby.buildkit.trace` events whose `aux` is a base64 protobuf StatusResponse,
// which dockerode 5.0.1 passes through undecoded. The stream is parsed here rather than with
// modem.followProgress, which throws on a line that is not JSON and reports a failed build as success.

import { LineSplitter } from '../lines.js'
import protobuf from 'protobufjs'

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

// moby.buildkit.v1.StatusResponse, the fields this module reads (buildkit api/services/control).
// Defined inline rather than loaded from a .proto file so the bundle needs no file at run time.
const timestamp = { fields: { seconds: { type: 'int64', id: 1 }, nanos: { type: 'int32', id: 2 } } }
const StatusResponse = protobuf.Root.fromJSON({
  nested: {
    Timestamp: timestamp,
    Vertex: {
      fields: {
        digest: { type: 'string', id: 1 },
        inputs: { rule: 'repeated', type: 'string', id: 2 },
        name: { type: 'string', id: 3 },
        cached: { type: 'bool', id: 4 },
        started: { type: 'Timestamp', id: 5 },
        completed: { type: 'Timestamp', id: 6 },
        error: { type: 'string', id: 7 }
      }
    },
    VertexStatus: {
      fields: {
        ID: { type: 'string', id: 1 },
        vertex: { type: 'string', id: 2 },
        name: { type: 'string', id: 3 },
        current: { type: 'int64', id: 4 },
        total: { type: 'int64', id: 5 },
        timestamp: { type: 'Timestamp', id: 6 },
        started: { type: 'Timestamp', id: 7 },
        completed: { type: 'Timestamp', id: 8 }
      }
    },
    VertexLog: {
      fields: {
        vertex: { type: 'string', id: 1 },
        timestamp: { type: 'Timestamp', id: 2 },
        stream: { type: 'int64', id: 3 },
        msg: { type: 'bytes', id: 4 }
      }
    },
    VertexWarning: {
      fields: {
        vertex: { type: 'string', id: 1 },
        level: { type: 'int64', id: 2 },
        short: { type: 'bytes', id: 3 }
      }
    },
    StatusResponse: {
      fields: {
        vertexes: { rule: 'repeated', type: 'Vertex', id: 1 },
        statuses: { rule: 'repeated', type: 'VertexStatus', id: 2 },
        logs: { rule: 'repeated', type: 'VertexLog', id: 3 },
        warnings: { rule: 'repeated', type: 'VertexWarning', id: 4 }
      }
    }
  }
}).lookupType('StatusResponse')

interface RawStatus {
  vertexes?: {
    digest?: string
    name?: string
    cached?: boolean
    started?: object
    completed?: object
    error?: string
  }[]
  statuses?: {
    ID?: string
    vertex?: string
    name?: string
    current?: number
    total?: number
    completed?: object
  }[]
  logs?: { vertex?: string; msg?: Uint8Array }[]
  warnings?: { short?: Uint8Array }[]
}

/** Decodes the base64 protobuf of a `moby.buildkit.trace` event. A malformed one decodes to nothing. */
export function decodeBuildKitStatus(base64: string): BuildKitStatus {
  let raw: RawStatus
  try {
    const message = StatusResponse.decode(Buffer.from(base64, 'base64'))
    raw = StatusResponse.toObject(message, { longs: Number }) as RawStatus
  } catch {
    return { vertexes: [], statuses: [], logs: [], warnings: [] }
  }
  return {
    vertexes: (raw.vertexes ?? []).map(v => ({
      digest: v.digest ?? '',
      name: v.name ?? '',
      cached: v.cached ?? false,
      started: v.started !== undefined,
      completed: v.completed !== undefined,
      error: v.error || undefined
    })),
    statuses: (raw.statuses ?? []).map(s => ({
      id: s.ID ?? '',
      vertex: s.vertex ?? '',
      name: s.name ?? '',
      current: s.current ?? 0,
      total: s.total ?? 0,
      completed: s.completed !== undefined
    })),
    logs: (raw.logs ?? []).map(l => ({
      vertex: l.vertex ?? '',
      text: Buffer.from(l.msg ?? []).toString('utf8')
    })),
    warnings: (raw.warnings ?? []).map(w => Buffer.from(w.short ?? []).toString('utf8'))
  }
}
