// The engine calls structure tests make: a created, never-started container whose files are read through
// GET /containers/{id}/archive (no shell, no process: FROM scratch and distroless images work), the
// image's config, one-shot command containers, and commits for `setup` commands.
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import { EngineError, type ContainerCreateBody, type EngineClient } from '../engine/client.js'
import { messageOf } from '../errors.js'
import { goClean } from '../gopath.js'
import { goBase } from './go.js'

/** The real tool's placeholder: the container is only created, so this never runs. */
export const NOOP_COMMAND = 'NOOP_COMMAND_DO_NOT_RUN'

/** A file test reads at most this much of one file (its whole content is matched). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024

export interface ImageConfig {
  Env?: string[] | null
  Entrypoint?: string[] | null
  Cmd?: string[] | null
  Volumes?: Record<string, unknown> | null
  WorkingDir?: string
  ExposedPorts?: Record<string, unknown> | null
  Labels?: Record<string, string> | null
  User?: string
}

export async function imageConfig(
  client: EngineClient,
  image: string,
  signal?: AbortSignal
): Promise<ImageConfig> {
  const info = await client.images.inspect(image, signal)
  if (!info) throw new Error(`No such image: ${image}`)
  return (info.Config as ImageConfig | undefined) ?? {}
}

/** One tar header from the archive endpoint. */
export interface ArchiveHeader {
  name: string
  type: string
  mode: number
  uid: number
  gid: number
  size: number
  linkname?: string
}

/** What reading a path found: its header, and for a regular file read for content, the bytes. */
export interface ArchiveHit {
  header: ArchiveHeader
  content?: Buffer
}

/** A created, never-started container to read files from; removed with its anonymous volumes. */
export class FileReader {
  private constructor(
    private readonly client: EngineClient,
    /** The container's ID. */
    readonly container: string
  ) {}

  static async create(
    client: EngineClient,
    image: string,
    labels: Record<string, string>,
    signal?: AbortSignal
  ): Promise<FileReader> {
    const body: ContainerCreateBody = {
      Image: image,
      Cmd: [NOOP_COMMAND],
      Labels: labels,
      HostConfig: { AutoRemove: false }
    }
    return new FileReader(client, await client.containers.create(undefined, body, signal))
  }

  /**
   * Walks the archive of `path` until `pick` returns a decision, then stops reading (a directory's archive
   * is never fetched whole). Rejects with the engine's own words when it cannot give the path.
   */
  async find<T>(
    path: string,
    pick: (header: ArchiveHeader) => { done: T; read?: boolean } | undefined,
    signal?: AbortSignal
  ): Promise<{ found?: T; content?: Buffer }> {
    let response: IncomingMessage
    try {
      response = await this.client.containers.archive(this.container, path, signal)
    } catch (error) {
      throw new Error(messageOf(error))
    }
    const { default: tar } = await import('tar-stream') // only structure tests read archives
    const extract = tar.extract()
    ;(response as Readable).pipe(extract as unknown as NodeJS.WritableStream)
    response.on('error', error => extract.destroy(error))
    try {
      for await (const entry of extract) {
        const h = entry.header
        const header: ArchiveHeader = {
          name: h.name,
          type: h.type ?? 'file',
          mode: h.mode ?? 0,
          uid: h.uid ?? 0,
          gid: h.gid ?? 0,
          size: h.size ?? 0,
          ...(h.linkname ? { linkname: h.linkname } : {})
        }
        const decision = pick(header)
        if (!decision) {
          entry.resume()
          continue
        }
        if (!decision.read) return { found: decision.done }
        if (header.size > MAX_FILE_BYTES) {
          throw new Error(
            `${path} is ${header.size} bytes, more than the ${MAX_FILE_BYTES} a file test reads`
          )
        }
        const chunks: Buffer[] = []
        for await (const chunk of entry) chunks.push(chunk as Buffer)
        return { found: decision.done, content: Buffer.concat(chunks) }
      }
      return {}
    } finally {
      response.destroy()
      extract.destroy()
    }
  }

  /** The real tool's StatFile: the first dir, file, hard link or symlink whose cleaned name is the path's base. */
  async stat(target: string, signal?: AbortSignal): Promise<ArchiveHeader> {
    const base = goBase(target)
    const { found } = await this.find(
      target,
      h => (STAT_TYPES.has(h.type) && goClean(h.name) === base ? { done: h } : undefined),
      signal
    )
    if (!found) throw new Error(`File ${target} not found in image`)
    return found
  }

  /** The real tool's ReadFile: a directory is an error, a symlink is followed by its link name. */
  async read(target: string, signal?: AbortSignal, depth = 0): Promise<Buffer> {
    const base = goBase(target)
    type Found = { kind: 'dir' } | { kind: 'link'; to: string } | { kind: 'file' }
    const { found, content } = await this.find<Found>(
      target,
      h => {
        const same = goClean(h.name) === base
        if (h.type === 'directory' && same) return { done: { kind: 'dir' } }
        // As the real tool does: any symlink met is followed, by its link name as written.
        if (h.type === 'symlink') return { done: { kind: 'link', to: h.linkname ?? '' } }
        if ((h.type === 'file' || h.type === 'link' || h.type === 'contiguous-file') && same) {
          return { done: { kind: 'file' }, read: true }
        }
        return undefined
      },
      signal
    )
    if (!found) throw new Error(`File ${target} not found in image`)
    if (found.kind === 'dir')
      throw new Error(`Cannot read specified path: ${target} is a directory, not a file`)
    if (found.kind === 'link') {
      if (depth >= 40) throw new Error(`${target}: too many levels of symbolic links`)
      return this.read(found.to, signal, depth + 1)
    }
    return content ?? Buffer.alloc(0)
  }

  /** The real tool's ReadDir: the directories directly under `target`. */
  async readDir(target: string, signal?: AbortSignal): Promise<string[]> {
    const names: string[] = []
    await this.find(
      target,
      h => {
        if (h.type !== 'directory') return undefined
        const parts = h.name.replace(/\/$/, '').split('/')
        if (parts.length === 2) names.push(parts[1]!)
        return undefined
      },
      signal
    )
    return names
  }

  /** Removes the container and its anonymous volumes (the real tool leaves the volumes behind). */
  async remove(signal?: AbortSignal): Promise<string | undefined> {
    try {
      await this.client.containers.remove(this.container, { force: true }, signal)
      return undefined
    } catch (error) {
      if (error instanceof EngineError && error.status === 404) return undefined
      return messageOf(error)
    }
  }
}

const STAT_TYPES = new Set(['directory', 'file', 'contiguous-file', 'link', 'symlink'])
