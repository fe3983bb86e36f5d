// Image efficiency exactly as dive computes it (wagoodman/dive, dive/filetree/efficiency.go, with the tree
// rules of file_tree.go and file_node.go), over the layers' tar headers alone:
// - each layer becomes a tree; only its leaves are visited, depth first, children before parents, names
//   in sorted order; intermediate directories the tar does not list are nodes with size 0;
// - a path's cumulative size is the sum over every layer that has it as a leaf; its minimum is the
//   smallest of those sizes;
// - a whiteout (`.wh.name`) counts the size of everything under the path in the layers below when that
//   path was a directory, and 0 when it was a file; opaque markers (`.wh..wh..opq`) are not added;
// - a whiteout whose path is missing below ends the visit of that layer (dive returns the lookup error
//   from its visitor and only logs it);
// - score = Σ minimum / Σ cumulative over all paths (1 when nothing has a size); wasted bytes = Σ
//   cumulative over the paths seen in two or more layers.

const WHITEOUT = '.wh.'
const OPAQUE = '.wh..wh..'

/** One tar header of a layer, as dive keeps it. */
export interface LayerEntry {
  /** The tar name (`usr/bin/env`, `./etc/`, `.wh.gone`). */
  name: string
  /** The header's size (0 for directories, links, whiteouts). */
  size: number
  isDir: boolean
}

interface Info {
  size: number
  isDir: boolean
}

const EMPTY: Info = { size: 0, isDir: false }

class Node {
  readonly children = new Map<string, Node>()
  info: Info = EMPTY
  constructor(
    readonly name: string,
    readonly parent: Node | undefined
  ) {}

  /** `/a/b`; on the node itself a whiteout prefix is dropped (dive: "fictitious on leaf nodes"). */
  path(): string {
    const names: string[] = [stripWhiteout(this.name)]
    for (let node = this.parent; node?.parent; node = node.parent) names.unshift(node.name)
    return `/${names.join('/')}`.replace(/\/\//g, '/')
  }

  get whiteout(): boolean {
    return this.name.startsWith(WHITEOUT)
  }
}

function stripWhiteout(name: string): string {
  return name.startsWith(WHITEOUT) ? name.slice(WHITEOUT.length) : name
}

/** Go's path.Clean for the relative names tars hold, without the leading slash. */
function clean(name: string): string {
  const parts: string[] = []
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

class Tree {
  readonly root = new Node('', undefined)

  /** dive's AddPath: intermediate nodes get an empty payload; an opaque marker stops the walk. */
  add(path: string, info: Info): void {
    const names = path.split('/').filter(n => n !== '')
    let node = this.root
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!
      let child = node.children.get(name)
      if (!child) {
        if (name.startsWith(OPAQUE)) return
        child = new Node(name, node)
        node.children.set(name, child)
      }
      node = child
      if (i === names.length - 1) node.info = info
    }
  }

  get(path: string): Node | undefined {
    let node: Node | undefined = this.root
    for (const name of path.split('/')) {
      if (name === '') continue
      node = node.children.get(name)
      if (!node) return undefined
    }
    return node
  }

  remove(path: string): void {
    const node = this.get(path)
    if (node?.parent) node.parent.children.delete(node.name)
  }

  /** Depth first, children before the node, names sorted; the root is never visited. */
  *visit(node: Node = this.root): Generator<Node> {
    for (const name of [...node.children.keys()].sort(compareNames))
      yield* this.visit(node.children.get(name)!)
    if (node !== this.root) yield node
  }

  /** dive's Stack: every node of `upper` is added (payload replaced, children kept) or, for a whiteout, removed. */
  stack(upper: Tree): void {
    for (const node of upper.visit()) {
      if (node.whiteout) this.remove(node.path())
      else this.add(node.path(), node.info)
    }
  }

  copy(): Tree {
    const tree = new Tree()
    const copyInto = (from: Node, to: Node): void => {
      for (const [name, child] of from.children) {
        const copied = new Node(name, to)
        copied.info = child.info
        to.children.set(name, copied)
        copyInto(child, copied)
      }
    }
    copyInto(this.root, tree.root)
    return tree
  }
}

/** Go's sort.Strings compares bytes: the same as comparing UTF-16 code units for the names tars hold. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A layer's tree, built as dive builds it from a tar's headers. */
function layerTree(entries: Iterable<LayerEntry>): Tree {
  const tree = new Tree()
  for (const entry of entries) {
    const path = clean(entry.name)
    if (path === '') continue
    tree.add(path, { size: entry.size, isDir: entry.isDir })
  }
  return tree
}

export interface PathEfficiency {
  path: string
  /** Σ of the path's size over every layer that has it (whiteouts count as described above). */
  cumulativeBytes: number
  minBytes: number
  /** Each layer that has the path, in order, with what it counted. */
  layers: { layer: number; bytes: number; removed: boolean }[]
}

export interface DiveEfficiency {
  /** dive's efficiency score, 0..1. */
  score: number
  /** Σ cumulative bytes of the paths found in two or more layers (dive's wastedBytes). */
  wastedBytes: number
  /** Paths found in two or more layers, largest cumulative size first. */
  inefficiencies: PathEfficiency[]
  /** What each layer contributed to `wastedBytes`, by layer index. */
  wastedBytesPerLayer: number[]
}

/**
 * dive's Efficiency over layers given in image order (bottom first). Each layer is an iterable of its
 * headers, read once; only one layer's tree and the stacked tree below it are held at a time.
 */
export function diveEfficiency(layers: Iterable<Iterable<LayerEntry>>): DiveEfficiency {
  const paths = new Map<string, PathEfficiency>()
  const wastedBytesPerLayer: number[] = []
  // dive stacks layers 0..k-1 onto a copy of layer 0 (StackTreeRange); kept up to date layer by layer.
  let stacked: Tree | undefined
  let index = 0
  for (const entries of layers) {
    const tree = layerTree(entries)
    if (!stacked) stacked = tree.copy()
    wastedBytesPerLayer.push(0)
    for (const node of tree.visit()) {
      if (node.children.size > 0) continue
      let bytes = 0
      if (node.whiteout) {
        const below = stacked.get(node.path())
        // dive: GetNode fails, the visitor returns the error, the rest of this layer is not visited.
        if (!below) break
        if (below.info.isDir) for (const inner of subtree(below)) bytes += inner.info.size
      } else bytes = node.info.size
      const path = node.path()
      let data = paths.get(path)
      if (!data) paths.set(path, (data = { path, cumulativeBytes: 0, minBytes: -1, layers: [] }))
      data.cumulativeBytes += bytes
      if (data.minBytes < 0 || bytes < data.minBytes) data.minBytes = bytes
      data.layers.push({ layer: index, bytes, removed: node.whiteout })
    }
    stacked.stack(tree)
    index++
  }
  let minimum = 0
  let discovered = 0
  const inefficiencies: PathEfficiency[] = []
  for (const data of paths.values()) {
    minimum += data.minBytes
    discovered += data.cumulativeBytes
    if (data.layers.length >= 2) {
      inefficiencies.push(data)
      for (const seen of data.layers) wastedBytesPerLayer[seen.layer]! += seen.bytes
    }
  }
  inefficiencies.sort((a, b) => b.cumulativeBytes - a.cumulativeBytes)
  return {
    score: discovered === 0 ? 1 : minimum / discovered,
    wastedBytes: inefficiencies.reduce((sum, data) => sum + data.cumulativeBytes, 0),
    inefficiencies,
    wastedBytesPerLayer
  }
}

/** A node and everything under it (dive's VisitDepthChildFirst with no evaluator). */
function* subtree(node: Node): Generator<Node> {
  for (const child of node.children.values()) yield* subtree(child)
  yield node
}
