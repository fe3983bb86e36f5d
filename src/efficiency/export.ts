// Reads an image export (`docker save`, GET /images/{name}/get) as it streams, keeping only the layers'
// tar headers: nothing is unpacked to disk and no file's content is held. Two layouts exist:
// - docker-archive (dockerd's own store, e.g. 20.10 overlay2): manifest.json, <id>/layer.tar, <config>.json;
// - OCI image layout (the containerd image store, Docker 25+): index.json, oci-layout, blobs/sha256/<hex>,
//   layers possibly gzip or zstd compressed; Docker also writes a manifest.json beside it.
// Layers usually come before the manifest, so each layer's headers are kept by its file name until the
// order is known at the end.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import { PreflightError } from '../errors.js'
import type { LayerEntry } from './dive.js'

/** JSON documents (manifests, configs) are small; anything larger is not one. */
const MAX_JSON_BYTES = 4 * 1024 * 1024

export interface ExportedLayer {
  /** Where the layer sits in the export (`<id>/layer.tar`, `blobs/sha256/<hex>`). */
  file: string
  entries: LayerEntry[]
  /** Σ of the entries' sizes (what dive calls the layer's size). */
  contentBytes: number
}

export interface ImageHistoryItem {
  created_by?: string
  empty_layer?: boolean
}

export interface ExportedImage {
  format: 'docker-archive' | 'oci-layout'
  /** Bottom first. */
  layers: ExportedLayer[]
  /** The image config's history (one item per instruction; `empty_layer` ones made no layer). */
  history: ImageHistoryItem[]
}

/** Reads an export stream to its end; rejects when it is not an image export or a layer is unreadable. */
export async function readImageExport(source: Readable, signal?: AbortSignal): Promise<ExportedImage> {
  const layers = new Map<string, ExportedLayer>()
  const json = new Map<string, unknown>()
  // Loaded here: only the efficiency stage reads exports (tar-stream takes ~15 ms to evaluate).
  const { default: tar } = await import('tar-stream')
  const extract = tar.extract()
  const reading = pipeline(source, extract as unknown as NodeJS.WritableStream, { signal })
  const consuming = (async () => {
    for await (const entry of extract) {
      const name = entry.header.name.replace(/^\.\//, '')
      if (entry.header.type !== 'file') {
        entry.resume()
        continue
      }
      if (name.endsWith('/layer.tar')) {
        // docker-archive layers are plain tars: read straight from the entry, no extra stream between.
        layers.set(name, await readTar(name, entry as unknown as Readable, []))
        continue
      }
      const { head, stream } = await peek(entry as unknown as Readable, 512)
      if (looksJson(head) && (entry.header.size ?? 0) <= MAX_JSON_BYTES) {
        const bytes = await collect(stream)
        try {
          json.set(name, JSON.parse(bytes.toString('utf8')))
        } catch {
          // A small layer whose first file name starts with `{`: read it as the tar it is.
          const layer = await readLayer(name, head, Readable.from([bytes]))
          if (layer) layers.set(name, layer)
        }
      } else if (name.endsWith('/layer.tar') || name.startsWith('blobs/') || name.endsWith('.tar')) {
        const layer = await readLayer(name, head, stream)
        if (layer) layers.set(name, layer)
      } else {
        await drain(stream)
      }
    }
  })()
  // Either may fail first (a bad stream ends the iteration with an error, or a layer's read throws).
  await Promise.all([reading, consuming])
  return assemble(layers, json)
}

function assemble(layers: Map<string, ExportedLayer>, json: Map<string, unknown>): ExportedImage {
  const manifest = json.get('manifest.json') as { Config?: string; Layers?: string[] }[] | undefined
  if (Array.isArray(manifest) && manifest[0]?.Layers) {
    const first = manifest[0]
    const config = json.get(first.Config ?? '') as { history?: ImageHistoryItem[] } | undefined
    return {
      format: json.has('index.json') ? 'oci-layout' : 'docker-archive',
      layers: first.Layers!.map(file => layerOf(layers, file)),
      history: config?.history ?? []
    }
  }
  const index = json.get('index.json') as OciIndex | undefined
  if (!index) throw new PreflightError('the image export holds neither manifest.json nor index.json')
  const image = ociManifest(index, json)
  const config = json.get(blobFile(image.config?.digest)) as { history?: ImageHistoryItem[] } | undefined
  return {
    format: 'oci-layout',
    layers: (image.layers ?? []).map(layer => layerOf(layers, blobFile(layer.digest))),
    history: config?.history ?? []
  }
}

interface OciDescriptor {
  digest?: string
  mediaType?: string
  platform?: { os?: string; architecture?: string }
}
interface OciIndex {
  manifests?: OciDescriptor[]
  layers?: OciDescriptor[]
  config?: OciDescriptor
}

/** Follows index.json down to an image manifest (through a nested index, preferring linux on this arch). */
function ociManifest(index: OciIndex, json: Map<string, unknown>): OciIndex {
  let current: OciIndex = index
  for (let depth = 0; depth < 4; depth++) {
    if (current.layers) return current
    const manifests = current.manifests ?? []
    const arch = process.arch === 'x64' ? 'amd64' : process.arch
    const chosen =
      manifests.find(
        m => m.platform?.os === 'linux' && m.platform.architecture === arch && json.has(blobFile(m.digest))
      ) ?? manifests.find(m => json.has(blobFile(m.digest)))
    if (!chosen) break
    current = json.get(blobFile(chosen.digest)) as OciIndex
  }
  throw new PreflightError('the image export has an index.json whose image manifest is not in the export')
}

function blobFile(digest: string | undefined): string {
  const [algorithm, hex] = (digest ?? '').split(':')
  return `blobs/${algorithm}/${hex}`
}

function layerOf(layers: Map<string, ExportedLayer>, file: string): ExportedLayer {
  const layer = layers.get(file.replace(/^\.\//, ''))
  if (!layer) throw new PreflightError(`the image export names layer ${file}, which it does not hold`)
  return layer
}

/** A layer blob: its headers only, decompressed on the fly; undefined when the blob is no tar at all. */
async function readLayer(file: string, head: Buffer, stream: Readable): Promise<ExportedLayer | undefined> {
  const steps: NodeJS.ReadWriteStream[] = []
  if (head[0] === 0x1f && head[1] === 0x8b) steps.push(zlib.createGunzip())
  else if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) {
    const zstd = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream })
      .createZstdDecompress
    if (!zstd) {
      await drain(stream)
      throw new PreflightError(
        `layer ${file} is zstd-compressed, which this Node.js (${process.version}) cannot read (Node 22.15 or later can)`
      )
    }
    steps.push(zstd())
  } else if (head.length < 262 || head.toString('latin1', 257, 262) !== 'ustar') {
    // Not a tar: some other blob (an attestation, a signature). Skipped.
    await drain(stream)
    return undefined
  }
  return readTar(file, stream, steps)
}

/** The headers of one layer tar, its contents drained as they pass. */
async function readTar(
  file: string,
  stream: Readable,
  steps: NodeJS.ReadWriteStream[]
): Promise<ExportedLayer> {
  const layer: ExportedLayer = { file, entries: [], contentBytes: 0 }
  const { default: tar } = await import('tar-stream')
  const inner = tar.extract()
  const parsing = (pipeline as unknown as (...streams: unknown[]) => Promise<void>)(stream, ...steps, inner)
  for await (const entry of inner) {
    const { header } = entry
    const size = header.type === 'file' || header.type === 'contiguous-file' ? (header.size ?? 0) : 0
    layer.entries.push({ name: header.name, size, isDir: header.type === 'directory' })
    layer.contentBytes += size
    entry.resume()
  }
  await parsing
  return layer
}

/** The first `bytes` bytes of a stream, and a stream that still yields everything. */
async function peek(source: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const chunks: Buffer[] = []
  let length = 0
  let done = false
  while (length < bytes) {
    const next = await iterator.next()
    if (next.done) {
      done = true
      break
    }
    chunks.push(next.value)
    length += next.value.length
  }
  const head = Buffer.concat(chunks)
  const stream = Readable.from(
    (async function* () {
      if (head.length > 0) yield head
      if (done) return
      for (;;) {
        const next = await iterator.next()
        if (next.done) return
        yield next.value
      }
    })(),
    { objectMode: false }
  )
  return { head, stream }
}

function looksJson(head: Buffer): boolean {
  const first = head.toString('utf8', 0, Math.min(head.length, 64)).trimStart()[0]
  return first === '{' || first === '['
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function drain(stream: Readable): Promise<void> {
  for await (const chunk of stream) void chunk
}
