export const id = 618;
export const ids = [618];
export const modules = {

/***/ 9618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   traced: () => (/* binding */ traced)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _socket_duplex_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(808);
// For measuring only (PREFLIGHT_H2_TRACE=<file>): the session's HTTP/2 frames in both directions with
// their times, written as JSON lines when the connection closes. Frame headers are read off the bytes as
// they pass (9 bytes: length, type, flags, stream), so what is recorded is what went over the socket.
// Used to see how BuildKit's grpc-go client sizes its flow-control window (BENCHMARKS.md, figure 3b).


const TYPES = ['DATA', 'HEADERS', 'PRIORITY', 'RST', 'SETTINGS', 'PUSH', 'PING', 'GOAWAY', 'WINDOW', 'CONT'];
class FrameReader {
    dir;
    out;
    start;
    pending = Buffer.alloc(0);
    skip;
    constructor(dir, out, start, preface) {
        this.dir = dir;
        this.out = out;
        this.start = start;
        this.skip = preface;
    }
    push(chunk) {
        let data = chunk;
        if (this.skip > 0) {
            const n = Math.min(this.skip, data.length);
            this.skip -= n;
            data = data.subarray(n);
        }
        this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
        const t = performance.now() - this.start;
        for (;;) {
            if (this.pending.length < 9)
                break;
            const length = this.pending.readUIntBE(0, 3);
            if (this.pending.length < 9 + length) {
                // Only the header and a few payload bytes are needed; keep what the info fields read.
                if (this.pending[3] === 0) {
                    this.record(t, this.pending.subarray(0, 9), Buffer.alloc(0));
                    this.skip = 9 + length - this.pending.length;
                    this.pending = Buffer.alloc(0);
                }
                break;
            }
            this.record(t, this.pending.subarray(0, 9), this.pending.subarray(9, 9 + length));
            this.pending = this.pending.subarray(9 + length);
        }
        if (this.pending.length)
            this.pending = Buffer.from(this.pending);
    }
    record(t, head, payload) {
        const type = head[3];
        const frame = {
            t: Math.round(t * 1000) / 1000,
            dir: this.dir,
            type: TYPES[type] ?? String(type),
            flags: head[4],
            stream: head.readUInt32BE(5) & 0x7fffffff,
            length: head.readUIntBE(0, 3)
        };
        if (type === 8 && payload.length >= 4)
            frame.info = String(payload.readUInt32BE(0) & 0x7fffffff);
        else if (type === 6)
            frame.info = payload.toString('hex');
        else if (type === 4) {
            const pairs = [];
            for (let i = 0; i + 6 <= payload.length; i += 6)
                pairs.push(`${payload.readUInt16BE(i)}=${payload.readUInt32BE(i + 2)}`);
            frame.info = pairs.join(',');
        }
        this.out.push(frame);
    }
}
/**
 * The socket wrapped so every frame is recorded, with `sample()` (the session's state) every 50 ms; the
 * record goes to `file` when the socket closes.
 */
function traced(socket, file, sample) {
    const frames = [];
    const start = performance.now();
    const timer = setInterval(() => {
        const state = sample();
        if (state)
            frames.push({ t: Math.round(performance.now() - start), state });
    }, 50);
    timer.unref();
    const incoming = new FrameReader('in', frames, start, 24); // the client's connection preface
    const outgoing = new FrameReader('out', frames, start, 0);
    return (0,_socket_duplex_js__WEBPACK_IMPORTED_MODULE_1__/* .streamOf */ .m)(socket, {
        incoming: chunk => incoming.push(chunk),
        outgoing: chunk => outgoing.push(chunk),
        closed: () => {
            clearInterval(timer);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, frames.map(f => JSON.stringify(f)).join('\n') + '\n');
        }
    });
}


/***/ })

};
