// BuildKit's control API on the engine's `/grpc` endpoint, as buildx's `docker` driver reaches the
// engine's embedded BuildKit: the connection is upgraded to h2c and spoken to as a gRPC client. Only what a
// Dockerfile build needs: Solve (unary) and Status (server stream), framed by hand over node:http2 (a
// gRPC message is a flag byte, a 4-byte length and the protobuf). Used for what `/build` cannot carry:
// frontend attributes such as named contexts (`context:<name>`).

import * as http2 from 'node:http2'
import type { Socket } from 'node:net'
import type { EngineClient } from './client.js'
import protobuf from 'protobufjs'
import { streamOf } from './session.js'

const types = protobuf.Root.fromJSON({
  nested: {
    CacheOptionsEntry: {
      fields: { Type: { type: 'string', id: 1 }, Attrs: { keyType: 'string', type: 'string', id: 2 } }
    },
    CacheOptions: { fields: { Imports: { rule: 'repeated', type: 'CacheOptionsEntry', id: 5 } } },
    Exporter: {
      fields: { Type: { type: 'string', id: 1 }, Attrs: { keyType: 'string', type: 'string', id: 2 } }
    },
    SolveRequest: {
      fields: {
        Ref: { type: 'string', id: 1 },
        Session: { type: 'string', id: 5 },
        Frontend: { type: 'string', id: 6 },
        FrontendAttrs: { keyType: 'string', type: 'string', id: 7 },
        Cache: { type: 'CacheOptions', id: 8 },
        Exporters: { rule: 'repeated', type: 'Exporter', id: 13 }
      }
    },
    SolveResponse: { fields: { ExporterResponse: { keyType: 'string', type: 'string', id: 1 } } },
    StatusRequest: { fields: { Ref: { type: 'string', id: 1 } } }
  }
} as protobuf.INamespace)
const SolveRequest = types.lookupType('SolveRequest')
const SolveResponse = types.lookupType('SolveResponse')
const StatusRequest = types.lookupType('StatusRequest')

export interface SolveOptions {
  ref: string
  session: string
  frontendAttrs: Record<string, string>
  /** Exporter `moby` (the engine's image store) with these attributes (`name`: the tags). */
  exporterAttrs: Record<string, string>
  cacheImports: string[]
}

/** An h2c connection to the engine's BuildKit. */
export async function connectControl(client: EngineClient, signal?: AbortSignal): Promise<ControlClient> {
  const socket = await client.build.grpc(signal)
  const session = http2.connect('http://buildkit', { createConnection: () => streamOf(socket) })
  session.on('error', () => {}) // each call reports its own failure
  return new ControlClient(session, socket)
}

function frame(message: Uint8Array): Buffer {
  const header = Buffer.alloc(5)
  header.writeUInt32BE(message.length, 1)
  return Buffer.concat([header, message])
}

/** Splits a gRPC response body into messages. */
class Deframer {
  private buffer = Buffer.alloc(0)
  push(chunk: Buffer): Buffer[] {
    this.buffer = Buffer.concat([this.buffer, chunk])
    const out: Buffer[] = []
    while (this.buffer.length >= 5) {
      const length = this.buffer.readUInt32BE(1)
      if (this.buffer.length < 5 + length) break
      out.push(this.buffer.subarray(5, 5 + length))
      this.buffer = this.buffer.subarray(5 + length)
    }
    return out
  }
}

export class ControlClient {
  constructor(
    private readonly session: http2.ClientHttp2Session,
    private readonly socket: Socket
  ) {}

  private call(path: string, body: Uint8Array, onMessage: (message: Buffer) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const stream = this.session.request({
        ':method': 'POST',
        ':path': path,
        'content-type': 'application/grpc',
        te: 'trailers'
      })
      const deframer = new Deframer()
      let status: string | undefined
      let message = ''
      const readStatus = (headers: http2.IncomingHttpHeaders) => {
        if (headers['grpc-status'] !== undefined) {
          status = String(headers['grpc-status'])
          message = decodeURIComponent(String(headers['grpc-message'] ?? ''))
        }
      }
      stream.on('response', readStatus)
      stream.on('trailers', readStatus)
      stream.on('data', (chunk: Buffer) => deframer.push(chunk).forEach(onMessage))
      stream.on('error', reject)
      stream.on('close', () => {
        if (status === '0') resolve()
        else reject(new Error(message || `BuildKit's ${path} failed (gRPC status ${status ?? 'none'})`))
      })
      stream.end(frame(body))
    })
  }

  /** Solve; resolves to the exporter's response (image digests). */
  async solve(options: SolveOptions): Promise<Record<string, string>> {
    const request = SolveRequest.encode(
      SolveRequest.fromObject({
        Ref: options.ref,
        Session: options.session,
        Frontend: 'dockerfile.v0',
        FrontendAttrs: options.frontendAttrs,
        Cache: { Imports: options.cacheImports.map(ref => ({ Type: 'registry', Attrs: { ref } })) },
        Exporters: [{ Type: 'moby', Attrs: options.exporterAttrs }]
      })
    ).finish()
    let response: Record<string, string> = {}
    await this.call('/moby.buildkit.v1.Control/Solve', request, message => {
      const decoded = SolveResponse.toObject(SolveResponse.decode(message)) as {
        ExporterResponse?: Record<string, string>
      }
      response = decoded.ExporterResponse ?? {}
    })
    return response
  }

  /** Status of solve `ref`: each StatusResponse as its raw protobuf, until the solve ends. */
  status(ref: string, onStatus: (raw: Buffer) => void): Promise<void> {
    return this.call(
      '/moby.buildkit.v1.Control/Status',
      StatusRequest.encode(StatusRequest.fromObject({ Ref: ref })).finish(),
      onStatus
    )
  }

  close(): void {
    this.session.destroy()
    this.socket.destroy()
  }
}
