export const id = 711;
export const ids = [711];
export const modules = {

/***/ 711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectControl: () => (/* binding */ connectControl)
/* harmony export */ });
/* unused harmony export ControlClient */
/* harmony import */ var node_http2__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2467);
/* harmony import */ var node_http2__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http2__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _protowire_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2581);
/* harmony import */ var _socket_duplex_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(808);
// BuildKit's control API on the engine's `/grpc` endpoint, as buildx's `docker` driver reaches the
// engine's embedded BuildKit: the connection is upgraded to h2c and spoken to as a gRPC client. Only what a
// Dockerfile build needs: Solve (unary) and Status (server stream), framed by hand over node:http2 (a
// gRPC message is a flag byte, a 4-byte length and the protobuf). Used for what `/build` cannot carry:
// frontend attributes such as named contexts (`context:<name>`).



function stringMap(attrs) {
    return Object.entries(attrs);
}
/**
 * moby.buildkit.v1.SolveRequest (api/services/control/control.proto): Ref 1, Session 5, Frontend 6,
 * FrontendAttrs 7, Cache 8 (CacheOptions: Imports 5, each CacheOptionsEntry{Type 1, Attrs 2}),
 * Exporters 13 (each Exporter{Type 1, Attrs 2}).
 */
function encodeSolveRequest(options) {
    const cache = new _protowire_js__WEBPACK_IMPORTED_MODULE_2__/* .ProtoWriter */ .oQ();
    for (const ref of options.cacheImports)
        cache.message(5, new _protowire_js__WEBPACK_IMPORTED_MODULE_2__/* .ProtoWriter */ .oQ()
            .string(1, 'registry')
            .map(2, [['ref', ref]])
            .finish(), true);
    const exporter = new _protowire_js__WEBPACK_IMPORTED_MODULE_2__/* .ProtoWriter */ .oQ().string(1, 'moby').map(2, stringMap(options.exporterAttrs)).finish();
    return new _protowire_js__WEBPACK_IMPORTED_MODULE_2__/* .ProtoWriter */ .oQ()
        .string(1, options.ref)
        .string(5, options.session)
        .string(6, 'dockerfile.v0')
        .map(7, stringMap(options.frontendAttrs))
        .message(8, cache.finish(), true)
        .message(13, exporter, true)
        .finish();
}
/** moby.buildkit.v1.SolveResponse: ExporterResponse 1 (map<string, string>). */
function decodeSolveResponse(message) {
    const response = {};
    for (const [field, value] of (0,_protowire_js__WEBPACK_IMPORTED_MODULE_2__/* .protoFields */ .MB)(message)) {
        if (field !== 1)
            continue;
        const [key, entry] = (0,_protowire_js__WEBPACK_IMPORTED_MODULE_2__/* .mapEntry */ .BJ)(value);
        response[key] = entry.toString('utf8');
    }
    return response;
}
/** An h2c connection to the engine's BuildKit. */
async function connectControl(client, signal) {
    const socket = await client.build.grpc(signal);
    const session = node_http2__WEBPACK_IMPORTED_MODULE_0__.connect('http://buildkit', { createConnection: () => (0,_socket_duplex_js__WEBPACK_IMPORTED_MODULE_1__/* .streamOf */ .m)(socket) });
    session.on('error', () => { }); // each call reports its own failure
    return new ControlClient(session, socket);
}
function frame(message) {
    const header = Buffer.alloc(5);
    header.writeUInt32BE(message.length, 1);
    return Buffer.concat([header, message]);
}
/** Splits a gRPC response body into messages. */
class Deframer {
    buffer = Buffer.alloc(0);
    push(chunk) {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        const out = [];
        while (this.buffer.length >= 5) {
            const length = this.buffer.readUInt32BE(1);
            if (this.buffer.length < 5 + length)
                break;
            out.push(this.buffer.subarray(5, 5 + length));
            this.buffer = this.buffer.subarray(5 + length);
        }
        return out;
    }
}
class ControlClient {
    session;
    socket;
    constructor(session, socket) {
        this.session = session;
        this.socket = socket;
    }
    call(path, body, onMessage) {
        return new Promise((resolve, reject) => {
            const stream = this.session.request({
                ':method': 'POST',
                ':path': path,
                'content-type': 'application/grpc',
                te: 'trailers'
            });
            const deframer = new Deframer();
            let status;
            let message = '';
            const readStatus = (headers) => {
                if (headers['grpc-status'] !== undefined) {
                    status = String(headers['grpc-status']);
                    message = decodeURIComponent(String(headers['grpc-message'] ?? ''));
                }
            };
            stream.on('response', readStatus);
            stream.on('trailers', readStatus);
            stream.on('data', (chunk) => deframer.push(chunk).forEach(onMessage));
            stream.on('error', reject);
            stream.on('close', () => {
                if (status === '0')
                    resolve();
                else
                    reject(new Error(message || `BuildKit's ${path} failed (gRPC status ${status ?? 'none'})`));
            });
            stream.end(frame(body));
        });
    }
    /** Solve; resolves to the exporter's response (image digests). */
    async solve(options) {
        let response = {};
        await this.call('/moby.buildkit.v1.Control/Solve', encodeSolveRequest(options), message => {
            response = decodeSolveResponse(message);
        });
        return response;
    }
    /** Status of solve `ref`: each StatusResponse as its raw protobuf, until the solve ends. */
    status(ref, onStatus) {
        return this.call('/moby.buildkit.v1.Control/Status', new _protowire_js__WEBPACK_IMPORTED_MODULE_2__/* .ProtoWriter */ .oQ().string(1, ref).finish(), // StatusRequest{Ref = 1}
        onStatus);
    }
    close() {
        this.session.destroy();
        this.socket.destroy();
    }
}


/***/ })

};
