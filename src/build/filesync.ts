// The services a BuildKit build calls back through the session (see engine/session.ts):
// - moby.filesync.v1.FileSync/DiffCopy: BuildKit asks for a local directory by name ("context",
//   "dockerfile", a named context) with include/exclude patterns and follow paths in the call's metadata;
//   the client answers with fsutil's protocol (tonistiigi/fsutil send.go): a STAT packet per entry in
//   walk order, an empty STAT to end the list, then for each REQ (an entry's index) DATA packets and an
//   empty DATA; FIN is answered with FIN. BuildKit only REQuests files whose stat changed since the last
//   sync from a session with the same shared key, which is how a second build sends only what changed.
// - moby.buildkit.secrets.v1.Secrets/GetSecret: a secret's bytes by id; NotFound for an unknown id
//   (BuildKit turns that into "secret <id>: not found").
// - moby.filesync.v1.Auth/Credentials: registry credentials for pulling base images.

import { createReadStream, type Stats } from 'node:fs'
import { readFile, readlink } from 'node:fs/promises'
import * as grpc from '@grpc/grpc-js'
import protobuf from 'protobufjs'
import type { RegistryAuth } from './credentials.js'
import { fsutilWalk, type FilterOptions, type WalkCounts } from './walk.js'

const root = protobuf.Root.fromJSON({
  nested: {
    Stat: {
      fields: {
        path: { type: 'string', id: 1 },
        mode: { type: 'uint32', id: 2 },
        uid: { type: 'uint32', id: 3 },
        gid: { type: 'uint32', id: 4 },
        size: { type: 'int64', id: 5 },
        modTime: { type: 'int64', id: 6 },
        linkname: { type: 'string', id: 7 },
        devmajor: { type: 'int64', id: 8 },
        devminor: { type: 'int64', id: 9 }
      }
    },
    Packet: {
      fields: {
        type: { type: 'int32', id: 1 },
        stat: { type: 'Stat', id: 2 },
        ID: { type: 'uint32', id: 3 },
        data: { type: 'bytes', id: 4 }
      }
    },
    GetSecretRequest: {
      fields: {
        ID: { type: 'string', id: 1 },
        annotations: { keyType: 'string', type: 'string', id: 2 } as protobuf.IField
      }
    },
    GetSecretResponse: { fields: { data: { type: 'bytes', id: 1 } } },
    CredentialsRequest: { fields: { Host: { type: 'string', id: 1 } } },
    CredentialsResponse: {
      fields: { Username: { type: 'string', id: 1 }, Secret: { type: 'string', id: 2 } }
    }
  }
})

const Packet = root.lookupType('Packet')
const GetSecretRequest = root.lookupType('GetSecretRequest')
const GetSecretResponse = root.lookupType('GetSecretResponse')
const CredentialsRequest = root.lookupType('CredentialsRequest')
const CredentialsResponse = root.lookupType('CredentialsResponse')

export const PACKET_STAT = 0
export const PACKET_REQ = 1
export const PACKET_DATA = 2
export const PACKET_FIN = 3
export const PACKET_ERR = 4

interface StatMessage {
  path: string
  mode: number
  uid: number
  gid: number
  size: number
  modTime: number | bigint | string
  linkname: string
  devmajor?: number
  devminor?: number
}

interface PacketMessage {
  type: number
  stat?: StatMessage
  ID?: number
  data?: Uint8Array
}

function codec(type: protobuf.Type) {
  return {
    // Plain objects of the right shape encode as they are (fromObject would copy every packet first).
    serialize: (value: object): Buffer => Buffer.from(type.encode(value).finish()),
    deserialize: (bytes: Buffer): Record<string, unknown> =>
      type.toObject(type.decode(bytes), { longs: Number, defaults: true }) as Record<string, unknown>
  }
}

function method(path: string, request: protobuf.Type, response: protobuf.Type, stream: boolean) {
  const req = codec(request)
  const res = codec(response)
  return {
    path,
    requestStream: stream,
    responseStream: stream,
    requestSerialize: req.serialize,
    requestDeserialize: req.deserialize,
    responseSerialize: res.serialize,
    responseDeserialize: res.deserialize,
    originalName: path.slice(path.lastIndexOf('/') + 1)
  }
}

// Go's os.FileMode bits, which fsutil's Stat.mode carries (not the Unix st_mode).
const GO_DIR = 2 ** 31
const GO_SYMLINK = 2 ** 27
const GO_DEVICE = 2 ** 26
const GO_NAMED_PIPE = 2 ** 25
const GO_SETUID = 2 ** 23
const GO_SETGID = 2 ** 22
const GO_CHAR_DEVICE = 2 ** 21
const GO_STICKY = 2 ** 20

/** Go's os.FileMode of what lstat returned, as fsutil's mkstat records it (the socket bit cleared). */
export function goFileMode(info: Stats): number {
  let mode = info.mode & 0o777
  if (info.mode & 0o4000) mode += GO_SETUID
  if (info.mode & 0o2000) mode += GO_SETGID
  if (info.mode & 0o1000) mode += GO_STICKY
  if (info.isDirectory()) mode += GO_DIR
  else if (info.isSymbolicLink()) mode += GO_SYMLINK
  else if (info.isBlockDevice()) mode += GO_DEVICE
  else if (info.isCharacterDevice()) mode += GO_DEVICE + GO_CHAR_DEVICE
  else if (info.isFIFO()) mode += GO_NAMED_PIPE
  return mode
}

/** A directory the session serves under a name, with what was sent through it counted. */
export interface SyncedDir {
  path: string
  /**
   * What the largest call for this name sent (BuildKit first fetches .dockerignore alone, then the
   * context): entries listed and left out, files whose content was asked for and their bytes.
   */
  stats: SyncStats
}

export interface SyncStats {
  /** Entries listed to BuildKit. */
  listed: number
  /** Files whose content BuildKit asked for, and their bytes. */
  filesSent: number
  bytesSent: number
  ignored: number
}

export function newSyncStats(): SyncStats {
  return { listed: 0, filesSent: 0, bytesSent: 0, ignored: 0 }
}

/** fsutil's modTime is in nanoseconds; lstat gives milliseconds. */
const NS_PER_MS = 1_000_000
const CHUNK = 256 * 1024
/** Files up to this size are read whole; larger ones are streamed. */
const SMALL_FILE = 1024 * 1024
/** Files served at once. */
const SENDERS = 8

/** Values of a metadata key as BuildKit sent them (filesync.go decodeOpts: `<key>-encoded` means escaped). */
function metadataValues(metadata: grpc.Metadata, key: string): string[] | undefined {
  const values = metadata.get(key).map(String)
  if (values.length === 0) return undefined
  const encoded = metadata.get(`${key}-encoded`).map(String)[0]
  const decode = encoded !== undefined && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(encoded)
  return decode ? values.map(v => decodeURIComponent(v.replace(/\+/g, ' '))) : values
}

/** The metadata keys whose values are lists of patterns or paths (engine/session.ts keeps them whole). */
export const LIST_HEADERS = ['include-patterns', 'exclude-patterns', 'followpaths']

export interface FileSyncOptions {
  dirs: Map<string, SyncedDir>
  signal?: AbortSignal
}

/** moby.filesync.v1.FileSync: DiffCopy. */
export function fileSyncService(options: FileSyncOptions): {
  definition: grpc.ServiceDefinition
  implementation: grpc.UntypedServiceImplementation
} {
  const definition = {
    DiffCopy: method('/moby.filesync.v1.FileSync/DiffCopy', Packet, Packet, true)
  } as unknown as grpc.ServiceDefinition
  const DiffCopy = (call: grpc.ServerDuplexStream<PacketMessage, PacketMessage>): void => {
    const name = metadataValues(call.metadata, 'dir-name')?.[0] ?? ''
    const dir = options.dirs.get(name)
    if (!dir) {
      call.emit('error', { code: grpc.status.NOT_FOUND, details: `no access allowed to dir "${name}"` })
      return
    }
    const filter: FilterOptions = {
      includePatterns: metadataValues(call.metadata, 'include-patterns'),
      excludePatterns: metadataValues(call.metadata, 'exclude-patterns'),
      followPaths: metadataValues(call.metadata, 'followpaths')
    }
    void sendDiffCopy(call, dir, filter, options.signal)
  }
  return { definition, implementation: { DiffCopy } }
}

/** fsutil's sender over one DiffCopy call. */
async function sendDiffCopy(
  call: grpc.ServerDuplexStream<PacketMessage, PacketMessage>,
  dir: SyncedDir,
  filter: FilterOptions,
  signal: AbortSignal | undefined
): Promise<void> {
  const files = new Map<number, string>()
  const stats = newSyncStats()
  let ended = false
  const sizes = new Map<number, number>()
  let drained: Promise<void> | undefined
  const write = async (packet: PacketMessage): Promise<void> => {
    while (drained) await drained
    if (ended) throw new Error('the build no longer reads the context')
    if (!call.write(packet))
      drained ??= new Promise<void>(resolve =>
        call.once('drain', () => {
          drained = undefined
          resolve()
        })
      )
  }
  const fail = (message: string): void => {
    if (ended) return
    ended = true
    try {
      call.write({ type: PACKET_ERR, data: Buffer.from(message) })
      call.end()
    } catch {
      // the stream is already gone
    }
  }
  // Requests are served by a few workers at once (fsutil's sender runs four): a file's DATA packets carry
  // its id, so BuildKit takes them interleaved. FIN is answered once every request before it is served.
  const requests: number[] = []
  let working = 0
  let finRequested = false
  const pump = (): void => {
    while (working < SENDERS && requests.length > 0 && !ended) {
      const id = requests.shift()!
      const path = files.get(id)
      files.delete(id)
      working++
      const served =
        path === undefined ? Promise.reject(new Error(`invalid file id ${id}`)) : sendFile(id, path)
      served.then(
        () => {
          working--
          pump()
        },
        (error: unknown) => {
          working--
          fail((error as Error).message)
        }
      )
    }
    if (finRequested && working === 0 && requests.length === 0 && !ended) {
      finRequested = false
      write({ type: PACKET_FIN }).then(
        () => {
          ended = true
          call.end()
        },
        () => {}
      )
    }
  }
  call.on('data', (packet: PacketMessage) => {
    if (packet.type === PACKET_REQ) {
      requests.push(packet.ID ?? 0)
      pump()
    } else if (packet.type === PACKET_FIN) {
      finRequested = true
      pump()
    } else if (packet.type === PACKET_ERR) {
      ended = true
      call.end()
    }
  })
  call.on('error', () => (ended = true))
  call.on('cancelled', () => (ended = true))

  const sendFile = async (id: number, path: string): Promise<void> => {
    let size = 0
    try {
      const known = sizes.get(id)
      sizes.delete(id)
      if (known !== undefined && known <= SMALL_FILE) {
        const data = await readFile(`${dir.path}/${path}`)
        size = data.length
        for (let at = 0; at < data.length; at += CHUNK)
          await write({ type: PACKET_DATA, ID: id, data: data.subarray(at, at + CHUNK) })
        await write({ type: PACKET_DATA, ID: id })
        stats.filesSent++
        stats.bytesSent += size
        return
      }
      const stream = createReadStream(`${dir.path}/${path}`, { highWaterMark: CHUNK })
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length
        await write({ type: PACKET_DATA, ID: id, data: chunk })
      }
    } catch (error) {
      if (ended) throw error
      // fsutil sends an empty file when it cannot open one (a socket, a file gone since the listing)
    }
    await write({ type: PACKET_DATA, ID: id })
    stats.filesSent++
    stats.bytesSent += size
  }

  try {
    const counts: WalkCounts = { ignored: 0 }
    let index = 0
    for await (const entry of fsutilWalk(dir.path, filter, counts, signal)) {
      const { info } = entry
      const mode = goFileMode(info)
      const stat: StatMessage = {
        path: entry.path,
        mode,
        uid: 0, // BuildKit's client maps every entry to root (resetUIDAndGID)
        gid: 0,
        size: info.isDirectory() ? 0 : info.size,
        modTime: Math.round(info.mtimeMs * NS_PER_MS),
        linkname: info.isSymbolicLink() ? await readLink(entry.absolute) : ''
      }
      if (info.isBlockDevice() || info.isCharacterDevice()) {
        stat.devmajor = (info.rdev >> 8) & 0xfff
        stat.devminor = (info.rdev & 0xff) | ((info.rdev >> 12) & 0xfff00)
      }
      // Only regular files have content to ask for (fsutil's fileCanRequestData).
      if ((mode & (GO_DIR + GO_SYMLINK + GO_DEVICE + GO_NAMED_PIPE + GO_CHAR_DEVICE)) === 0) {
        files.set(index, entry.path)
        sizes.set(index, info.size)
      }
      index++
      await write({ type: PACKET_STAT, stat })
    }
    stats.listed = index
    stats.ignored = counts.ignored
    // The largest call is the context itself; its counters are the ones reported (they keep counting).
    if (stats.listed >= dir.stats.listed) dir.stats = stats
    await write({ type: PACKET_STAT })
  } catch (error) {
    fail((error as Error).message)
  }
}

async function readLink(path: string): Promise<string> {
  return readlink(path)
}

/** moby.buildkit.secrets.v1.Secrets: GetSecret from the secrets given to the build. */
export function secretsService(secrets: ReadonlyMap<string, Buffer>): {
  definition: grpc.ServiceDefinition
  implementation: grpc.UntypedServiceImplementation
} {
  const definition = {
    GetSecret: method(
      '/moby.buildkit.secrets.v1.Secrets/GetSecret',
      GetSecretRequest,
      GetSecretResponse,
      false
    )
  } as unknown as grpc.ServiceDefinition
  const GetSecret = (
    call: grpc.ServerUnaryCall<{ ID: string }, { data: Buffer }>,
    callback: grpc.sendUnaryData<{ data: Buffer }>
  ): void => {
    const value = secrets.get(call.request.ID)
    if (value === undefined)
      callback({ code: grpc.status.NOT_FOUND, details: `secret ${call.request.ID} not found` })
    else callback(null, { data: value })
  }
  return { definition, implementation: { GetSecret } }
}

/** moby.filesync.v1.Auth: Credentials for a registry host (anonymous when there are none). */
export function authService(credentials: ReadonlyMap<string, RegistryAuth>): {
  definition: grpc.ServiceDefinition
  implementation: grpc.UntypedServiceImplementation
} {
  const definition = {
    Credentials: method('/moby.filesync.v1.Auth/Credentials', CredentialsRequest, CredentialsResponse, false)
  } as unknown as grpc.ServiceDefinition
  const Credentials = (
    call: grpc.ServerUnaryCall<{ Host: string }, { Username?: string; Secret?: string }>,
    callback: grpc.sendUnaryData<{ Username?: string; Secret?: string }>
  ): void => {
    const host = call.request.Host
    const auth = credentials.get(
      host === 'registry-1.docker.io' || host === 'index.docker.io' ? 'docker.io' : host
    )
    if (!auth) callback(null, {})
    else if (auth.identitytoken) callback(null, { Secret: auth.identitytoken })
    else callback(null, { Username: auth.username, Secret: auth.password })
  }
  return { definition, implementation: { Credentials } }
}
