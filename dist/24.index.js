export const id = 24;
export const ids = [24];
export const modules = {

/***/ 2024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyseEfficiency: () => (/* reexport */ analyseEfficiency),
  attachLines: () => (/* reexport */ attachLines),
  logEfficiency: () => (/* reexport */ logEfficiency)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inventory/inventory.ts
var inventory = __webpack_require__(556);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
;// CONCATENATED MODULE: ./src/efficiency/dive.ts
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
// - score = \u03a3 minimum / \u03a3 cumulative over all paths (1 when nothing has a size); wasted bytes = \u03a3
//   cumulative over the paths seen in two or more layers.
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..';
const EMPTY = { size: 0, isDir: false };
class Node {
    name;
    parent;
    children = new Map();
    info = EMPTY;
    constructor(name, parent) {
        this.name = name;
        this.parent = parent;
    }
    /** `/a/b`; on the node itself a whiteout prefix is dropped (dive: "fictitious on leaf nodes"). */
    path() {
        const names = [stripWhiteout(this.name)];
        for (let node = this.parent; node?.parent; node = node.parent)
            names.unshift(node.name);
        return `/${names.join('/')}`.replace(/\/\//g, '/');
    }
    get whiteout() {
        return this.name.startsWith(WHITEOUT);
    }
}
function stripWhiteout(name) {
    return name.startsWith(WHITEOUT) ? name.slice(WHITEOUT.length) : name;
}
/** Go's path.Clean for the relative names tars hold, without the leading slash. */
function clean(name) {
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return parts.join('/');
}
class Tree {
    root = new Node('', undefined);
    /** dive's AddPath: intermediate nodes get an empty payload; an opaque marker stops the walk. */
    add(path, info) {
        const names = path.split('/').filter(n => n !== '');
        let node = this.root;
        for (let i = 0; i < names.length; i++) {
            const name = names[i];
            let child = node.children.get(name);
            if (!child) {
                if (name.startsWith(OPAQUE))
                    return;
                child = new Node(name, node);
                node.children.set(name, child);
            }
            node = child;
            if (i === names.length - 1)
                node.info = info;
        }
    }
    get(path) {
        let node = this.root;
        for (const name of path.split('/')) {
            if (name === '')
                continue;
            node = node.children.get(name);
            if (!node)
                return undefined;
        }
        return node;
    }
    remove(path) {
        const node = this.get(path);
        if (node?.parent)
            node.parent.children.delete(node.name);
    }
    /** Depth first, children before the node, names sorted; the root is never visited. */
    *visit(node = this.root) {
        for (const name of [...node.children.keys()].sort(compareNames))
            yield* this.visit(node.children.get(name));
        if (node !== this.root)
            yield node;
    }
    /** dive's Stack: every node of `upper` is added (payload replaced, children kept) or, for a whiteout, removed. */
    stack(upper) {
        for (const node of upper.visit()) {
            if (node.whiteout)
                this.remove(node.path());
            else
                this.add(node.path(), node.info);
        }
    }
    copy() {
        const tree = new Tree();
        const copyInto = (from, to) => {
            for (const [name, child] of from.children) {
                const copied = new Node(name, to);
                copied.info = child.info;
                to.children.set(name, copied);
                copyInto(child, copied);
            }
        };
        copyInto(this.root, tree.root);
        return tree;
    }
}
/** Go's sort.Strings compares bytes: the same as comparing UTF-16 code units for the names tars hold. */
function compareNames(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** A layer's tree, built as dive builds it from a tar's headers. */
function layerTree(entries) {
    const tree = new Tree();
    for (const entry of entries) {
        const path = clean(entry.name);
        if (path === '')
            continue;
        tree.add(path, { size: entry.size, isDir: entry.isDir });
    }
    return tree;
}
/**
 * dive's Efficiency over layers given in image order (bottom first). Each layer is an iterable of its
 * headers, read once; only one layer's tree and the stacked tree below it are held at a time.
 */
function diveEfficiency(layers) {
    const paths = new Map();
    const wastedBytesPerLayer = [];
    // dive stacks layers 0..k-1 onto a copy of layer 0 (StackTreeRange); kept up to date layer by layer.
    let stacked;
    let index = 0;
    for (const entries of layers) {
        const tree = layerTree(entries);
        if (!stacked)
            stacked = tree.copy();
        wastedBytesPerLayer.push(0);
        for (const node of tree.visit()) {
            if (node.children.size > 0)
                continue;
            let bytes = 0;
            if (node.whiteout) {
                const below = stacked.get(node.path());
                // dive: GetNode fails, the visitor returns the error, the rest of this layer is not visited.
                if (!below)
                    break;
                if (below.info.isDir)
                    for (const inner of subtree(below))
                        bytes += inner.info.size;
            }
            else
                bytes = node.info.size;
            const path = node.path();
            let data = paths.get(path);
            if (!data)
                paths.set(path, (data = { path, cumulativeBytes: 0, minBytes: -1, layers: [] }));
            data.cumulativeBytes += bytes;
            if (data.minBytes < 0 || bytes < data.minBytes)
                data.minBytes = bytes;
            data.layers.push({ layer: index, bytes, removed: node.whiteout });
        }
        stacked.stack(tree);
        index++;
    }
    let minimum = 0;
    let discovered = 0;
    const inefficiencies = [];
    for (const data of paths.values()) {
        minimum += data.minBytes;
        discovered += data.cumulativeBytes;
        if (data.layers.length >= 2) {
            inefficiencies.push(data);
            for (const seen of data.layers)
                wastedBytesPerLayer[seen.layer] += seen.bytes;
        }
    }
    inefficiencies.sort((a, b) => b.cumulativeBytes - a.cumulativeBytes);
    return {
        score: discovered === 0 ? 1 : minimum / discovered,
        wastedBytes: inefficiencies.reduce((sum, data) => sum + data.cumulativeBytes, 0),
        inefficiencies,
        wastedBytesPerLayer
    };
}
/** A node and everything under it (dive's VisitDepthChildFirst with no evaluator). */
function* subtree(node) {
    for (const child of node.children.values())
        yield* subtree(child);
    yield node;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/efficiency/export.ts
// Reads an image export (`docker save`, GET /images/{name}/get) as it streams, keeping only the layers'
// tar headers: nothing is unpacked to disk and no file's content is held. Two layouts exist:
// - docker-archive (dockerd's own store, e.g. 20.10 overlay2): manifest.json, <id>/layer.tar, <config>.json;
// - OCI image layout (the containerd image store, Docker 25+): index.json, oci-layout, blobs/sha256/<hex>,
//   layers possibly gzip or zstd compressed; Docker also writes a manifest.json beside it.
// Layers usually come before the manifest, so each layer's headers are kept by its file name until the
// order is known at the end.




/** JSON documents (manifests, configs) are small; anything larger is not one. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;
/** Reads an export stream to its end; rejects when it is not an image export or a layer is unreadable. */
async function readImageExport(source, signal) {
    const layers = new Map();
    const json = new Map();
    // Loaded here: only the efficiency stage reads exports (tar-stream takes ~15 ms to evaluate).
    const { default: tar } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.t.bind(__webpack_require__, 6118, 19));
    const extract = tar.extract();
    const reading = (0,promises_.pipeline)(source, extract, { signal });
    const consuming = (async () => {
        for await (const entry of extract) {
            const name = entry.header.name.replace(/^\.\//, '');
            if (entry.header.type !== 'file') {
                entry.resume();
                continue;
            }
            if (name.endsWith('/layer.tar')) {
                // docker-archive layers are plain tars: read straight from the entry, no extra stream between.
                layers.set(name, await readTar(name, entry, []));
                continue;
            }
            const { head, stream } = await peek(entry, 512);
            if (looksJson(head) && (entry.header.size ?? 0) <= MAX_JSON_BYTES) {
                const bytes = await collect(stream);
                try {
                    json.set(name, JSON.parse(bytes.toString('utf8')));
                }
                catch {
                    // A small layer whose first file name starts with `{`: read it as the tar it is.
                    const layer = await readLayer(name, head, external_node_stream_.Readable.from([bytes]));
                    if (layer)
                        layers.set(name, layer);
                }
            }
            else if (name.endsWith('/layer.tar') || name.startsWith('blobs/') || name.endsWith('.tar')) {
                const layer = await readLayer(name, head, stream);
                if (layer)
                    layers.set(name, layer);
            }
            else {
                await drain(stream);
            }
        }
    })();
    // Either may fail first (a bad stream ends the iteration with an error, or a layer's read throws).
    await Promise.all([reading, consuming]);
    return assemble(layers, json);
}
function assemble(layers, json) {
    const manifest = json.get('manifest.json');
    if (Array.isArray(manifest) && manifest[0]?.Layers) {
        const first = manifest[0];
        const config = json.get(first.Config ?? '');
        return {
            format: json.has('index.json') ? 'oci-layout' : 'docker-archive',
            layers: first.Layers.map(file => layerOf(layers, file)),
            history: config?.history ?? []
        };
    }
    const index = json.get('index.json');
    if (!index)
        throw new errors/* PreflightError */.wG('the image export holds neither manifest.json nor index.json');
    const image = ociManifest(index, json);
    const config = json.get(blobFile(image.config?.digest));
    return {
        format: 'oci-layout',
        layers: (image.layers ?? []).map(layer => layerOf(layers, blobFile(layer.digest))),
        history: config?.history ?? []
    };
}
/** Follows index.json down to an image manifest (through a nested index, preferring linux on this arch). */
function ociManifest(index, json) {
    let current = index;
    for (let depth = 0; depth < 4; depth++) {
        if (current.layers)
            return current;
        const manifests = current.manifests ?? [];
        const arch = process.arch === 'x64' ? 'amd64' : process.arch;
        const chosen = manifests.find(m => m.platform?.os === 'linux' && m.platform.architecture === arch && json.has(blobFile(m.digest))) ?? manifests.find(m => json.has(blobFile(m.digest)));
        if (!chosen)
            break;
        current = json.get(blobFile(chosen.digest));
    }
    throw new errors/* PreflightError */.wG('the image export has an index.json whose image manifest is not in the export');
}
function blobFile(digest) {
    const [algorithm, hex] = (digest ?? '').split(':');
    return `blobs/${algorithm}/${hex}`;
}
function layerOf(layers, file) {
    const layer = layers.get(file.replace(/^\.\//, ''));
    if (!layer)
        throw new errors/* PreflightError */.wG(`the image export names layer ${file}, which it does not hold`);
    return layer;
}
/** A layer blob: its headers only, decompressed on the fly; undefined when the blob is no tar at all. */
async function readLayer(file, head, stream) {
    const steps = [];
    if (head[0] === 0x1f && head[1] === 0x8b)
        steps.push(external_node_zlib_default().createGunzip());
    else if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) {
        const zstd = (external_node_zlib_default()).createZstdDecompress;
        if (!zstd) {
            await drain(stream);
            throw new errors/* PreflightError */.wG(`layer ${file} is zstd-compressed, which this Node.js (${process.version}) cannot read (Node 22.15 or later can)`);
        }
        steps.push(zstd());
    }
    else if (head.length < 262 || head.toString('latin1', 257, 262) !== 'ustar') {
        // Not a tar: some other blob (an attestation, a signature). Skipped.
        await drain(stream);
        return undefined;
    }
    return readTar(file, stream, steps);
}
/** The headers of one layer tar, its contents drained as they pass. */
async function readTar(file, stream, steps) {
    const layer = { file, entries: [], contentBytes: 0 };
    const { default: tar } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.t.bind(__webpack_require__, 6118, 19));
    const inner = tar.extract();
    const parsing = (0,promises_.pipeline)(stream, ...steps, inner);
    for await (const entry of inner) {
        const { header } = entry;
        const size = header.type === 'file' || header.type === 'contiguous-file' ? (header.size ?? 0) : 0;
        layer.entries.push({ name: header.name, size, isDir: header.type === 'directory' });
        layer.contentBytes += size;
        entry.resume();
    }
    await parsing;
    return layer;
}
/** The first `bytes` bytes of a stream, and a stream that still yields everything. */
async function peek(source, bytes) {
    const iterator = source[Symbol.asyncIterator]();
    const chunks = [];
    let length = 0;
    let done = false;
    while (length < bytes) {
        const next = await iterator.next();
        if (next.done) {
            done = true;
            break;
        }
        chunks.push(next.value);
        length += next.value.length;
    }
    const head = Buffer.concat(chunks);
    const stream = external_node_stream_.Readable.from((async function* () {
        if (head.length > 0)
            yield head;
        if (done)
            return;
        for (;;) {
            const next = await iterator.next();
            if (next.done)
                return;
            yield next.value;
        }
    })(), { objectMode: false });
    return { head, stream };
}
function looksJson(head) {
    const first = head.toString('utf8', 0, Math.min(head.length, 64)).trimStart()[0];
    return first === '{' || first === '[';
}
async function collect(stream) {
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
async function drain(stream) {
    for await (const chunk of stream)
        void chunk;
}

// EXTERNAL MODULE: ./src/stage.ts
var stage = __webpack_require__(1741);
;// CONCATENATED MODULE: ./src/efficiency/efficiency.ts






const LARGEST_WASTED_PATHS = 10;
/** Analyses one image. Never rejects: an export the engine refuses is the stage's error. */
async function analyseEfficiency(input) {
    const started = Date.now();
    const base = { image: input.name, layers: [], largest: [] };
    const finish = (result) => ({ ...result, ...(0,stage/* stageTimes */.L)(started) });
    let exported;
    try {
        const stream = await input.client.images.export(input.image, input.signal);
        exported = await readImageExport(stream, input.signal);
    }
    catch (error) {
        if (input.signal?.aborted)
            throw error;
        return finish({
            ...base,
            status: 'error',
            problems: [`Could not analyse the efficiency of ${input.name}: ${(0,errors/* messageOf */.bD)(error)}`]
        });
    }
    try {
        return finish(judge(scoreExport(exported, input.name), input.options));
    }
    catch (error) {
        return finish({
            ...base,
            status: 'error',
            problems: [`Could not analyse ${input.name}: ${(0,errors/* messageOf */.bD)(error)}`]
        });
    }
}
/** dive's figures for an export read by readImageExport, with each layer named by its instruction. */
function scoreExport(exported, name) {
    const dive = diveEfficiency(exported.layers.map(layer => layer.entries));
    // The n-th history item that made a layer is the n-th layer (dive matches them the same way).
    const made = exported.history.filter(item => !item.empty_layer);
    const layers = exported.layers.map((layer, i) => ({
        number: i + 1,
        createdBy: made[i]?.created_by ? (0,inventory/* instruction */.xP)(made[i].created_by) : '',
        sizeBytes: layer.contentBytes,
        wastedBytes: dive.wastedBytesPerLayer[i] ?? 0
    }));
    return {
        image: name,
        format: exported.format,
        efficiency: dive.score,
        wastedBytes: dive.wastedBytes,
        sizeBytes: layers.reduce((sum, layer) => sum + layer.sizeBytes, 0),
        layers,
        largest: dive.inefficiencies.slice(0, LARGEST_WASTED_PATHS).map(data => ({
            path: data.path,
            wastedBytes: data.cumulativeBytes,
            layers: data.layers.map(seen => ({ number: seen.layer + 1, bytes: seen.bytes, removed: seen.removed }))
        }))
    };
}
/** The budgets: dive CI's highestWastedBytes and lowestEfficiency (fails when over / under). */
function judge(scored, options) {
    const problems = [];
    const wasted = scored.wastedBytes ?? 0;
    const top = scored.largest[0];
    const worst = top
        ? ` Largest: ${top.path} (${(0,format/* formatBytes */.z3)(top.wastedBytes)} in layers ${top.layers.map(l => l.number).join(', ')}).`
        : '';
    if (options.maxWastedBytes !== undefined && wasted > options.maxWastedBytes) {
        problems.push(`Image ${scored.image} wastes ${(0,format/* formatBytes */.z3)(wasted)} (${(0,format/* formatCount */.B4)(wasted)} bytes), over max-wasted-bytes ${(0,format/* formatBytes */.z3)(options.maxWastedBytes)}.${worst}`);
    }
    const score = scored.efficiency ?? 1;
    if (options.minEfficiency !== undefined && score < options.minEfficiency) {
        problems.push(`Image ${scored.image} is ${(0,format/* formatPercent */.l9)(score)} efficient, under min-efficiency ${(0,format/* formatPercent */.l9)(options.minEfficiency)}.${worst}`);
    }
    return { ...scored, status: problems.length > 0 ? 'failed' : 'passed', problems };
}
/**
 * Puts the Dockerfile line on each layer this run's build made: the builder's steps (instruction and
 * line) are matched to the layers' instructions from the top down, so the base image's layers, which
 * no step made, are never matched, and a repeated instruction matches its own occurrence.
 */
function attachLines(result, steps) {
    const same = (text) => text.replace(/\s+/g, ' ').trim();
    // In Dockerfile order: the builder reports steps as they finish, and dockerd 28's BuildKit was seen
    // reporting a run of cached steps bottom-up. A step without a line has nothing to attach.
    steps = steps.filter(step => step.line !== undefined).sort((a, b) => a.line - b.line);
    let next = steps.length - 1;
    for (let i = result.layers.length - 1; i >= 0 && next >= 0; i--) {
        const layer = result.layers[i];
        for (let j = next; j >= 0; j--) {
            if (same(steps[j].instruction) === same(layer.createdBy)) {
                if (steps[j].line !== undefined)
                    layer.line = steps[j].line;
                next = j - 1;
                break;
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/efficiency/log.ts

/** The figures as a line; the wasted paths (names from the image: untrusted) in a guarded block. */
function logEfficiency(result, log, dockerfile) {
    if (result.efficiency === undefined) {
        for (const problem of result.problems)
            log.warning(problem);
        return;
    }
    log.info(`Efficiency of ${result.image}: ${(0,format/* formatPercent */.l9)(result.efficiency)} (dive's score), ${(0,format/* formatBytes */.z3)(result.wastedBytes)} wasted of ${(0,format/* formatBytes */.z3)(result.sizeBytes)}`);
    // Over a budget: the red mark goes on the Dockerfile line whose layer holds the most wasted bytes.
    const worst = [...result.layers].sort((a, b) => b.wastedBytes - a.wastedBytes)[0];
    if (result.status === 'failed' &&
        worst &&
        worst.wastedBytes > 0 &&
        worst.line !== undefined &&
        dockerfile) {
        log.warning(`Layer ${worst.number} holds ${(0,format/* formatBytes */.z3)(worst.wastedBytes)} of the ${(0,format/* formatBytes */.z3)(result.wastedBytes)} wasted: files it writes are written again or removed in another layer`, { title: 'Wasted bytes', file: dockerfile, startLine: worst.line });
    }
    if (result.largest.length === 0)
        return;
    const block = log.untrusted(`Largest wasted paths (${result.largest.length})`);
    try {
        for (const path of result.largest) {
            const layers = path.layers.map(l => `${l.number}${l.removed ? ' (removed)' : ''}`).join(', ');
            block.write(`${(0,format/* formatBytes */.z3)(path.wastedBytes)} ${path.path} in layers ${layers}\n`);
        }
    }
    finally {
        block.close();
    }
}

;// CONCATENATED MODULE: ./src/efficiency/stage.ts
// What the pipeline loads for the efficiency stage, in one chunk of the bundle (see pipeline.ts).




/***/ })

};
