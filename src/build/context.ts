// The classic builder's context as a tar stream, packed here rather than by dockerode: its {context, src}
// path hands the ignore callback absolute paths that never match, and the engine does not filter a raw
// tar. Which entries go in is the docker CLI's rule (archiveWalk); files are streamed one at a time
// (backpressure from the request), so a context of any size is never held in memory. BuildKit builds do
// not use this: they serve the context through the session (filesync.ts).

import { randomHex } from '../ids.js'
import { createReadStream, type Stats } from 'node:fs'
import { readFile, readlink, stat } from '../fs-async.js'
import { isAbsolute, join, relative, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import tar from 'tar-stream'
import { parseIgnoreFile, readOptional } from './ignore.js'
import { archiveWalk, type WalkEntry } from './walk.js'

export interface ContextOptions {
  /** Absolute path of the context directory. */
  context: string
  /** Absolute path of the Dockerfile, inside the context or not. */
  dockerfile: string
  signal?: AbortSignal
}

export interface ContextStats {
  files: number
  bytes: number
  /** Files and directories left out by .dockerignore (a pruned directory counts once). */
  ignored: number
  /** BuildKit: entries listed to the builder (`files` counts only those whose content it asked for). */
  listed?: number
}

export interface PackedContext {
  /** The tar, to be sent as the request body. */
  stream: Readable
  /** The Dockerfile's name inside the tar: the `dockerfile` build parameter. */
  dockerfileName: string
  /** Settles when the whole context has been written (rejects when packing failed). */
  done: Promise<ContextStats>
}

/**
 * Packs `context` honouring its .dockerignore. The Dockerfile and .dockerignore are always sent; a
 * Dockerfile outside the context is added under a generated name, as `docker build -f` does.
 */
/** Files up to this size are read whole, ahead of their turn; larger ones are streamed when it comes. */
const SMALL_FILE = 256 * 1024
/** How many entries are prepared ahead of the one being written. */
const READ_AHEAD = 32

interface Prepared {
  name: string
  absolute: string
  info: Stats
  content?: Buffer
}

export function packContext(options: ContextOptions): PackedContext {
  const { context, dockerfile, signal } = options
  const pack = tar.pack()
  const fromContext = relative(context, dockerfile)
  const outside = fromContext === '' || fromContext.startsWith('..') || isAbsolute(fromContext)
  const dockerfileName = outside
    ? `.docker-preflight-${randomHex(6)}.Dockerfile`
    : fromContext.split(sep).join('/')
  const stats: ContextStats = { files: 0, bytes: 0, ignored: 0 }
  // When the request goes away (aborted, engine error) the pack is destroyed: stop reading too.
  let reading: ReturnType<typeof createReadStream> | undefined
  let finished = false
  const stopReading = (): void => {
    if (!finished) reading?.destroy(new Error('the build request ended before the context was sent'))
  }
  pack.on('close', stopReading)
  pack.on('error', stopReading)

  // Each entry is prepared (lstat, and the content of a small file) a few entries ahead of the one being
  // written, so the file system's latency overlaps the sending: one file at a time spent most of its time
  // waiting (~10,000 small files took 5 s; `tar` takes 0.4 s). What is read ahead is bounded:
  // READ_AHEAD entries of at most SMALL_FILE bytes each.
  const prepare = async (name: string, absolute: string, known?: Stats): Promise<Prepared> => {
    const info = known ?? (await stat(absolute))
    const small = info.isFile() && info.size <= SMALL_FILE
    return { name, absolute, info, content: small ? await readFile(absolute) : undefined }
  }

  const write = async ({ name, absolute, info, content }: Prepared): Promise<void> => {
    const header = {
      name,
      mode: info.mode & 0o7777,
      mtime: info.mtime,
      uid: 0, // like the docker CLI: files in the context belong to root in the image
      gid: 0
    }
    if (info.isDirectory()) {
      pack.entry({ ...header, type: 'directory' })
    } else if (info.isSymbolicLink()) {
      pack.entry({ ...header, type: 'symlink', linkname: await readlink(absolute) })
    } else if (content) {
      // The callback comes once the entry is in the pack's buffer: that is the backpressure.
      await new Promise<void>((resolve, reject) =>
        pack.entry({ ...header, type: 'file', size: content.length }, content, error =>
          error ? reject(error) : resolve()
        )
      )
      stats.files++
      stats.bytes += content.length
    } else if (info.isFile()) {
      const entry = pack.entry({ ...header, type: 'file', size: info.size })
      reading = createReadStream(absolute)
      await pipeline(reading, entry)
      reading = undefined
      stats.files++
      stats.bytes += info.size
    }
    // Sockets, FIFOs and devices are not sent (the docker CLI skips sockets; the others cannot be read).
  }

  const done = (async () => {
    const ignore = parseIgnoreFile(await readOptional(join(context, '.dockerignore')))
    const ahead: Promise<Prepared>[] = []
    const enqueue = (name: string, absolute: string, info?: Stats): void => {
      const prepared = prepare(name, absolute, info)
      prepared.catch(() => {}) // awaited in turn below; this only keeps it from counting as unhandled
      ahead.push(prepared)
    }
    const counts = { ignored: 0 }
    const entries = archiveWalk(
      context,
      ignore.patterns,
      outside ? undefined : dockerfileName,
      counts,
      signal
    )
    for await (const entry of entries as AsyncIterable<WalkEntry>) {
      if (pack.destroyed) throw new Error('packing the build context was stopped')
      enqueue(entry.path, entry.absolute, entry.info)
      if (ahead.length >= READ_AHEAD) await write(await ahead.shift()!)
    }
    if (outside) enqueue(dockerfileName, dockerfile) // -f may name a symlink: send what it points at
    while (ahead.length > 0) await write(await ahead.shift()!)
    stats.ignored = counts.ignored
    finished = true
    pack.finalize()
    return stats
  })()
  done.catch((error: unknown) => pack.destroy(error as Error))
  signal?.addEventListener('abort', () => pack.destroy(), { once: true })
  return { stream: pack as unknown as Readable, dockerfileName, done }
}
