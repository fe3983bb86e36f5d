export const id = 327;
export const ids = [327];
export const modules = {

/***/ 3327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   packContext: () => (/* binding */ packContext)
/* harmony export */ });
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2325);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _fs_async_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7253);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6118);
/* harmony import */ var _ignore_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5378);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8419);
// The classic builder's context as a tar stream, packed here rather than by dockerode: its {context, src}
// path hands the ignore callback absolute paths that never match, and the engine does not filter a raw
// tar. Which entries go in is the docker CLI's rule (archiveWalk); files are streamed one at a time
// (backpressure from the request), so a context of any size is never held in memory. BuildKit builds do
// not use this: they serve the context through the session (filesync.ts).








/**
 * Packs `context` honouring its .dockerignore. The Dockerfile and .dockerignore are always sent; a
 * Dockerfile outside the context is added under a generated name, as `docker build -f` does.
 */
/** Files up to this size are read whole, ahead of their turn; larger ones are streamed when it comes. */
const SMALL_FILE = 256 * 1024;
/** How many entries are prepared ahead of the one being written. */
const READ_AHEAD = 32;
function packContext(options) {
    const { context, dockerfile, signal } = options;
    const pack = tar_stream__WEBPACK_IMPORTED_MODULE_5__.pack();
    const fromContext = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(context, dockerfile);
    const outside = fromContext === '' || fromContext.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(fromContext);
    const dockerfileName = outside
        ? `.docker-preflight-${(0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .randomHex */ .nw)(6)}.Dockerfile`
        : fromContext.split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep).join('/');
    const stats = { files: 0, bytes: 0, ignored: 0 };
    // When the request goes away (aborted, engine error) the pack is destroyed: stop reading too.
    let reading;
    let finished = false;
    const stopReading = () => {
        if (!finished)
            reading?.destroy(new Error('the build request ended before the context was sent'));
    };
    pack.on('close', stopReading);
    pack.on('error', stopReading);
    // Each entry is prepared (lstat, and the content of a small file) a few entries ahead of the one being
    // written, so the file system's latency overlaps the sending: one file at a time spent most of its time
    // waiting (~10,000 small files took 5 s; `tar` takes 0.4 s). What is read ahead is bounded:
    // READ_AHEAD entries of at most SMALL_FILE bytes each.
    const prepare = async (name, absolute, known) => {
        const info = known ?? (await (0,_fs_async_js__WEBPACK_IMPORTED_MODULE_2__/* .stat */ .dJ)(absolute));
        const small = info.isFile() && info.size <= SMALL_FILE;
        return { name, absolute, info, content: small ? await (0,_fs_async_js__WEBPACK_IMPORTED_MODULE_2__/* .readFile */ .TA)(absolute) : undefined };
    };
    const write = async ({ name, absolute, info, content }) => {
        const header = {
            name,
            mode: info.mode & 0o7777,
            mtime: info.mtime,
            uid: 0, // like the docker CLI: files in the context belong to root in the image
            gid: 0
        };
        if (info.isDirectory()) {
            pack.entry({ ...header, type: 'directory' });
        }
        else if (info.isSymbolicLink()) {
            pack.entry({ ...header, type: 'symlink', linkname: await (0,_fs_async_js__WEBPACK_IMPORTED_MODULE_2__/* .readlink */ .h_)(absolute) });
        }
        else if (content) {
            // The callback comes once the entry is in the pack's buffer: that is the backpressure.
            await new Promise((resolve, reject) => pack.entry({ ...header, type: 'file', size: content.length }, content, error => error ? reject(error) : resolve()));
            stats.files++;
            stats.bytes += content.length;
        }
        else if (info.isFile()) {
            const entry = pack.entry({ ...header, type: 'file', size: info.size });
            reading = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(absolute);
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(reading, entry);
            reading = undefined;
            stats.files++;
            stats.bytes += info.size;
        }
        // Sockets, FIFOs and devices are not sent (the docker CLI skips sockets; the others cannot be read).
    };
    const done = (async () => {
        const ignore = (0,_ignore_js__WEBPACK_IMPORTED_MODULE_6__/* .parseIgnoreFile */ .a0)(await (0,_ignore_js__WEBPACK_IMPORTED_MODULE_6__/* .readOptional */ .T9)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(context, '.dockerignore')));
        const ahead = [];
        const enqueue = (name, absolute, info) => {
            const prepared = prepare(name, absolute, info);
            prepared.catch(() => { }); // awaited in turn below; this only keeps it from counting as unhandled
            ahead.push(prepared);
        };
        const counts = { ignored: 0 };
        const entries = (0,_walk_js__WEBPACK_IMPORTED_MODULE_7__/* .archiveWalk */ .i0)(context, ignore.patterns, outside ? undefined : dockerfileName, counts, signal);
        for await (const entry of entries) {
            if (pack.destroyed)
                throw new Error('packing the build context was stopped');
            enqueue(entry.path, entry.absolute, entry.info);
            if (ahead.length >= READ_AHEAD)
                await write(await ahead.shift());
        }
        if (outside)
            enqueue(dockerfileName, dockerfile); // -f may name a symlink: send what it points at
        while (ahead.length > 0)
            await write(await ahead.shift());
        stats.ignored = counts.ignored;
        finished = true;
        pack.finalize();
        return stats;
    })();
    done.catch((error) => pack.destroy(error));
    signal?.addEventListener('abort', () => pack.destroy(), { once: true });
    return { stream: pack, dockerfileName, done };
}


/***/ })

};
