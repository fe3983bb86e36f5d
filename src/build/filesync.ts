// The services a BuildKit build calls back through the session (engine/session.ts serves them; messages
// are encoded here by hand from the .proto files, engine/protowire.ts):
// - moby.filesync.v1.FileSync/DiffCopy: BuildKit asks for a local directory by name ("context",
//   "dockerfile", a named context) with include/exclude patterns and follow paths in the call's metadata;
//   the client answers with fsutil's protocol (tonistiigi/fsutil send.go, types/wire.proto): a STAT packet
//   per entry in walk order, an empty STAT to end the list, then for each REQ (an entry's index) DATA
//   packets and an empty DATA; FIN is answered with FIN. BuildKit only REQuests files whose stat changed
//   since the last sync from a session with the same shared key, which is how a second build sends only
//   what changed. Packets are queued by bytes, never awaited one by one (BENCHMARKS.md, figure 3b).
// - moby.buildkit.secrets.v1.Secrets/GetSecret: a secret's bytes by id; NotFound for an unknown id
//   (BuildKit turns that into "secret <id>: not found").
// - moby.filesync.v1.Auth/Credentials: registry credentials for pulling base images.

import { createReadStream, readFileSync, type Stats } from 'node:fs'
import { readlink } from '../fs-async.js'
import {
  GrpcError,
  GrpcStatus,
  type Metadata,
  type ServerCall,
  type SessionService
} from '../engine/session.js'
import { ProtoWriter, asBytes, asString, asUint, protoFields, varint } from '../engine/protowire.js'
import type { RegistryAuth } from './credentials.js'
import { fsutilWalk, type FilterOptions, type WalkCounts } from './walk.js'

export const PACKET_STAT = 0
export const PACKET_REQ = 1
export const PACKET_DATA = 2
export const PACKET_FIN = 3
export const PACKET_ERR = 4

/** fsutil's types.Stat (types/stat.proto). */
export interface StatMessage {
  path: string
  mode: number
  uid: number
  gid: number
  size: number
  modTime: number | bigint
  linkname: string
  devmajor?: number
  devminor?: number
  xattrs?: Map<string, Uint8Array>
}

/** fsutil's types.Packet (types/wire.proto) as BuildKit's receiver sends it: REQ/FIN/ERR. */
export interface PacketMessage {
  type: number
  ID: number
  data: Buffer
}

export function encodeStat(stat: StatMessage): Buffer {
  return new ProtoWriter()
    .string(1, stat.path)
    .uint(2, stat.mode)
    .uint(3, stat.uid)
    .uint(4, stat.gid)
    .int64(5, stat.size)
    .int64(6, stat.modTime)
    .string(7, stat.linkname)
    .int64(8, stat.devmajor ?? 0)
    .int64(9, stat.devminor ?? 0)
    .map(10, stat.xattrs)
    .finish()
}

/** Packet{type, stat, ID, data}; the data buffer is returned as its own part, not copied. */
export function encodePacket(
  type: number,
  fields: { stat?: StatMessage; ID?: number; data?: Uint8Array } = {}
): Uint8Array[] {
  const head = new ProtoWriter().uint(1, type)
  if (fields.stat) head.message(2, encodeStat(fields.stat), true)
  head.uint(3, fields.ID ?? 0)
  const data = fields.data
  if (!data || data.length === 0) return [head.finish()]
  return [Buffer.concat([head.finish(), Buffer.from([0x22]), varint(data.length)]), data]
}

export function decodePacket(message: Buffer): PacketMessage {
  const packet: PacketMessage = { type: 0, ID: 0, data: Buffer.alloc(0) }
  for (const [field, value] of protoFields(message)) {
    if (field === 1) packet.type = asUint(value)
    else if (field === 3) packet.ID = asUint(value)
    else if (field === 4) packet.data = asBytes(value)
  }
  return packet
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
/** Files up to this size are read whole and synchronously; larger ones are streamed. */
const SYNC_FILE = 1024 * 1024
/** The listing goes on only while less than this is queued: file data BuildKit asked for goes first. */
const STAT_QUEUE = 1024 * 1024
/** Bytes of files served before the event loop gets a turn (the socket, BuildKit's next requests). */
const TURN_BYTES = 2 * 1024 * 1024

/** Values of a metadata key as BuildKit sent them (filesync.go decodeOpts: `<key>-encoded` means escaped). */
export function metadataValues(metadata: Metadata, key: string): string[] | undefined {
  const values = metadata.get(key)
  if (!values || values.length === 0) return undefined
  const encoded = metadata.get(`${key}-encoded`)?.[0]
  const decode = encoded !== undefined && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(encoded)
  // Go's url.QueryUnescape: `+` is a space.
  return decode ? values.map(v => decodeURIComponent(v.replace(/\+/g, ' '))) : values
}

export interface FileSyncOptions {
  dirs: Map<string, SyncedDir>
  signal?: AbortSignal
}

/** moby.filesync.v1.FileSync: DiffCopy. */
export function fileSyncService(options: FileSyncOptions): SessionService {
  const DiffCopy = (call: ServerCall): void => {
    const name = metadataValues(call.metadata, 'dir-name')?.[0] ?? ''
    const dir = options.dirs.get(name)
    if (!dir) {
      call.end(new GrpcError(GrpcStatus.NOT_FOUND, `no access allowed to dir "${name}"`))
      return
    }
    const filter: FilterOptions = {
      includePatterns: metadataValues(call.metadata, 'include-patterns'),
      excludePatterns: metadataValues(call.metadata, 'exclude-patterns'),
      followPaths: metadataValues(call.metadata, 'followpaths')
    }
    void sendDiffCopy(call, dir, filter, options.signal)
  }
  return { methods: [{ path: '/moby.filesync.v1.FileSync/DiffCopy', stream: DiffCopy }] }
}

/** fsutil's sender (send.go) over one DiffCopy call. */
async function sendDiffCopy(
  call: ServerCall,
  dir: SyncedDir,
  filter: FilterOptions,
  signal: AbortSignal | undefined
): Promise<void> {
  const files = new Map<number, string>()
  const sizes = new Map<number, number>()
  // Files the walk lists but fsutil's filterFS.Open refuses (walk.ts, `opens`): fsutil's sendFile then
  // sends only the closing DATA packet, so docker's image has them empty.
  const unopenable = new Set<number>()
  const stats = newSyncStats()
  let ended = false
  call.onClose(() => (ended = true))
  // Packets are queued without waiting for each to be written (see engine/session.ts); a sender only
  // waits when several MiB are queued.
  const write = async (parts: Uint8Array[]): Promise<void> => {
    if (ended || call.closed) throw new Error('the build no longer reads the context')
    call.send(parts)
    await call.ready()
  }
  const fail = (message: string): void => {
    if (ended) return
    ended = true
    call.send(encodePacket(PACKET_ERR, { data: Buffer.from(message) }))
    call.end()
  }
  // Requests are served in order, one file after the other (a file's DATA packets carry its id; fsutil's
  // four senders interleave them, which BuildKit takes either way). Small files are read synchronously,
  // a turn's worth at a time: for cached files that is a few microseconds each, where the promise API
  // costs four trips through libuv's threads per file, and the CPU is what a loaded runner lacks.
  // FIN is answered once every request before it is served.
  const requests: number[] = []
  let serving = false
  let finRequested = false
  const serve = async (): Promise<void> => {
    if (serving) return
    serving = true
    try {
      let turn = 0
      while (!ended && requests.length > 0) {
        const id = requests.shift()!
        const path = files.get(id)
        const size = sizes.get(id)
        files.delete(id)
        sizes.delete(id)
        if (path === undefined) throw new Error(`invalid file id ${id}`)
        if (unopenable.delete(id)) {
          call.send(encodePacket(PACKET_DATA, { ID: id }))
          turn += sent(0)
        } else if (size !== undefined && size <= SYNC_FILE) turn += sendSmallFile(id, path)
        else turn += await sendFile(id, path)
        await call.ready()
        if (turn >= TURN_BYTES) {
          turn = 0
          await new Promise<void>(resolve => setImmediate(resolve))
        }
      }
      if (finRequested && !ended && requests.length === 0) {
        ended = true
        call.send(encodePacket(PACKET_FIN))
        call.end()
      }
    } catch (error) {
      fail((error as Error).message)
    } finally {
      serving = false
    }
  }
  call.onMessage(message => {
    let packet: PacketMessage
    try {
      packet = decodePacket(message)
    } catch (error) {
      fail((error as Error).message)
      return
    }
    if (packet.type === PACKET_REQ) {
      requests.push(packet.ID)
      void serve()
    } else if (packet.type === PACKET_FIN) {
      finRequested = true
      void serve()
    } else if (packet.type === PACKET_ERR) {
      // fsutil's sender stops with "error from receiver: …"; BuildKit reports its own side.
      ended = true
      call.end(new GrpcError(GrpcStatus.UNKNOWN, `error from receiver: ${packet.data.toString()}`))
    }
  })

  const sent = (size: number): number => {
    stats.filesSent++
    stats.bytesSent += size
    return size
  }
  const sendSmallFile = (id: number, path: string): number => {
    let data: Buffer
    try {
      data = readFileSync(`${dir.path}/${path}`)
    } catch {
      // fsutil sends an empty file when it cannot open one (a socket, a file gone since the listing)
      data = Buffer.alloc(0)
    }
    for (let at = 0; at < data.length; at += CHUNK)
      call.send(encodePacket(PACKET_DATA, { ID: id, data: data.subarray(at, at + CHUNK) }))
    call.send(encodePacket(PACKET_DATA, { ID: id }))
    return sent(data.length)
  }
  const sendFile = async (id: number, path: string): Promise<number> => {
    let size = 0
    try {
      const stream = createReadStream(`${dir.path}/${path}`, { highWaterMark: CHUNK })
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length
        await write(encodePacket(PACKET_DATA, { ID: id, data: chunk }))
      }
    } catch (error) {
      if (ended) throw error
      // as above: an empty file
    }
    await write(encodePacket(PACKET_DATA, { ID: id }))
    return sent(size)
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
        linkname: info.isSymbolicLink() ? await readlink(entry.absolute) : ''
      }
      if (info.isBlockDevice() || info.isCharacterDevice()) {
        stat.devmajor = (info.rdev >> 8) & 0xfff
        stat.devminor = (info.rdev & 0xff) | ((info.rdev >> 12) & 0xfff00)
      }
      // Only regular files have content to ask for (fsutil's fileCanRequestData).
      if ((mode & (GO_DIR + GO_SYMLINK + GO_DEVICE + GO_NAMED_PIPE + GO_CHAR_DEVICE)) === 0) {
        files.set(index, entry.path)
        sizes.set(index, info.size)
        if (entry.opens === false) unopenable.add(index)
      }
      index++
      await call.ready(STAT_QUEUE)
      await write(encodePacket(PACKET_STAT, { stat }))
    }
    stats.listed = index
    stats.ignored = counts.ignored
    // The largest call is the context itself; its counters are the ones reported (they keep counting).
    if (stats.listed >= dir.stats.listed) dir.stats = stats
    await write(encodePacket(PACKET_STAT))
  } catch (error) {
    fail((error as Error).message)
  }
}

/** moby.buildkit.secrets.v1.Secrets: GetSecret from the secrets given to the build. */
export function secretsService(secrets: ReadonlyMap<string, Buffer>): SessionService {
  return {
    methods: [
      {
        path: '/moby.buildkit.secrets.v1.Secrets/GetSecret',
        unary: request => {
          // GetSecretRequest{ID = 1, annotations = 2}
          let id = ''
          for (const [field, value] of protoFields(request)) if (field === 1) id = asString(value)
          const value = secrets.get(id)
          // BuildKit turns NotFound into "secret <id>: not found" (session/secrets/secrets.go).
          if (value === undefined) throw new GrpcError(GrpcStatus.NOT_FOUND, `secret ${id} not found`)
          return new ProtoWriter().bytes(1, value).finish() // GetSecretResponse{data = 1}
        }
      }
    ]
  }
}

/** moby.filesync.v1.Auth: Credentials for a registry host (anonymous when there are none). */
export function authService(
  credentialsFor: (registry: string) => Promise<RegistryAuth | undefined>
): SessionService {
  return {
    methods: [
      {
        path: '/moby.filesync.v1.Auth/Credentials',
        unary: async request => {
          // CredentialsRequest{Host = 1} → CredentialsResponse{Username = 1, Secret = 2}
          let host = ''
          for (const [field, value] of protoFields(request)) if (field === 1) host = asString(value)
          const auth = await credentialsFor(
            host === 'registry-1.docker.io' || host === 'index.docker.io' ? 'docker.io' : host
          )
          const response = new ProtoWriter()
          if (auth?.identitytoken) response.string(2, auth.identitytoken)
          else if (auth) response.string(1, auth.username).string(2, auth.password)
          return response.finish()
        }
      }
    ]
  }
}
