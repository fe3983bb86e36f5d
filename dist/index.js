import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1003:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ FACTS_TIMEOUT_MS),
/* harmony export */   q: () => (/* binding */ PING_TIMEOUT_MS)
/* harmony export */ });
/** How long the engine has to answer /_ping before the run fails (the "within 10 s"). */
const PING_TIMEOUT_MS = 8_000;
/**
 * How long /version and /info may take: they are cheap, and a daemon that takes longer is stuck. The engine
 * check fails then; the entry's early requests (early-ping.ts) give up, and the engine check asks again.
 */
const FACTS_TIMEOUT_MS = 15_000;


/***/ }),

/***/ 8686:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ startEarlyPing)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1003);


/** Starts the ping; the promise never rejects (an unhandled rejection would end the process early). */
function startEarlyPing(endpoint, timeoutMs) {
    const ping = get(endpoint, '_ping', AbortSignal.timeout(timeoutMs));
    // Given up with the ping when it fails: nothing is left waiting on an engine that did not answer.
    const unanswered = new AbortController();
    const factsSignal = AbortSignal.any([AbortSignal.timeout(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .FACTS_TIMEOUT_MS */ .n), unanswered.signal]);
    const facts = {
        version: get(endpoint, 'version', factsSignal).then(jsonObject, () => undefined),
        info: get(endpoint, 'info', factsSignal).then(jsonObject, () => undefined)
    };
    return ping.then(() => ({ endpoint: endpoint.display, facts }), error => {
        unanswered.abort();
        return { endpoint: endpoint.display, error };
    });
}
function jsonObject(body) {
    try {
        const value = JSON.parse(body);
        return value && typeof value === 'object' && !Array.isArray(value)
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** GET of one path from the API root: its body on a 2xx reply, else an error. */
async function get(endpoint, path, signal) {
    const options = endpoint.options;
    if (options.protocol === 'ssh')
        throw new Error('early ping does not speak ssh');
    // node:https (and node:tls under it, ~2 MB on Node 24) only for a TLS endpoint.
    const secure = options.protocol === 'https';
    const transport = secure ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23)) : (node_http__WEBPACK_IMPORTED_MODULE_0___default());
    const prefix = (options.pathPrefix ?? '/').replace(/\/?$/, '/');
    return new Promise((resolve, reject) => {
        const request = transport.request({
            socketPath: options.socketPath,
            host: options.socketPath ? undefined : options.host,
            port: options.socketPath ? undefined : options.port,
            ca: options.ca,
            cert: options.cert,
            key: options.key,
            rejectUnauthorized: endpoint.tls?.verify !== false,
            // Without TLS there is no server name to send: set, node skips working one out (its first
            // net.isIP compiles a large regular expression, ~4 ms on the way to the first request).
            ...(secure ? {} : { servername: '' }),
            // Not the global agent: on Node 24 it may follow HTTP(S)_PROXY (NODE_USE_ENV_PROXY).
            agent: false,
            path: `${prefix}${path}`,
            method: 'GET',
            signal
        }, response => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('end', () => {
                const status = response.statusCode ?? 0;
                if (status >= 200 && status < 300)
                    resolve(Buffer.concat(chunks).toString());
                else
                    reject(Object.assign(new Error(`/${path} answered HTTP ${status}`), { statusCode: status }));
            });
            response.on('error', reject);
        });
        request.on('error', reject);
        request.end();
    });
}


/***/ }),

/***/ 5725:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  W5: () => (/* binding */ contextInUse),
  N2: () => (/* binding */ describeEndpoint),
  o6: () => (/* binding */ parseHost),
  sO: () => (/* binding */ resolveEndpoint)
});

// UNUSED EXPORTS: DEFAULT_SOCKET

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/ids.ts
var ids = __nccwpck_require__(2325);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/engine/docker-context.ts
// The docker CLI's configuration and context store, read as the CLI reads them (docker/cli:
// cli/config/config.go, cli/command/cli.go resolveContextName, cli/context/store/{metadatastore,tlsstore}.go).
// Node built-ins only: the entry resolves the endpoint before the heavy modules load.





/** The context the CLI reserves for "DOCKER_HOST, else the default socket"; it is never stored. */
const DEFAULT_CONTEXT = 'default';
/** The CLI's configuration folder: DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
}
/**
 * DOCKER_CONTEXT, else `currentContext` in $DOCKER_CONFIG/config.json. A config.json that cannot be read
 * is skipped with a note, as the CLI skips it with a warning.
 */
function selectedContext(env, notes) {
    const configFile = (0,external_node_path_.join)(dockerConfigDir(env), 'config.json');
    if (env.DOCKER_CONTEXT)
        return { name: env.DOCKER_CONTEXT, from: 'DOCKER_CONTEXT', configFile };
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(configFile, 'utf8');
    }
    catch (error) {
        if (error.code !== 'ENOENT') {
            notes.push(`Could not read ${configFile} (${error.message}); using no docker context.`);
        }
        return undefined;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        notes.push(`${configFile} is not valid JSON (${error.message}); using no docker context.`);
        return undefined;
    }
    // Go's encoding/json matches keys case-insensitively.
    const name = field(parsed, 'currentContext');
    return typeof name === 'string' && name !== '' ? { name, from: 'config.json', configFile } : undefined;
}
/** How a person reads where the context came from: "context `ci-tls` (DOCKER_CONTEXT)". */
function describeContext(context) {
    return context.from === 'DOCKER_CONTEXT'
        ? `context \`${context.name}\` (DOCKER_CONTEXT)`
        : `context \`${context.name}\` (currentContext in ${context.configFile})`;
}
/** The store's folder name for a context: the SHA-256 of its name (go-digest FromString().Encoded()). */
function contextId(name) {
    // node:crypto only when a docker context is in use (src/ids.ts says why it is not loaded otherwise).
    return (0,ids/* nodeCrypto */.SI)().createHash('sha256').update(name).digest('hex');
}
/**
 * Reads a stored context. Throws a PreflightError naming the context, what named it, and the file when
 * the context does not exist, cannot be parsed, or has no docker endpoint.
 */
function readStoredContext(env, selected) {
    const root = (0,external_node_path_.join)(dockerConfigDir(env), 'contexts');
    const id = contextId(selected.name);
    const metaFile = (0,external_node_path_.join)(root, 'meta', id, 'meta.json');
    const which = describeContext(selected);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(metaFile, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new errors/* PreflightError */.wG(`The docker ${which} does not exist: there is no ${metaFile}. ` +
                '`docker context ls` lists the contexts; set docker-host or DOCKER_HOST to use an address instead.');
        }
        throw new errors/* PreflightError */.wG(`Cannot read the docker ${which}: ${error.message}`);
    }
    let meta;
    try {
        meta = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* PreflightError */.wG(`The docker ${which} cannot be used: ${metaFile} is not valid JSON (${error.message})`);
    }
    const docker = field(field(meta, 'Endpoints'), 'docker');
    if (typeof docker !== 'object' || docker === null) {
        throw new errors/* PreflightError */.wG(`The docker ${which} cannot be used: ${metaFile} has no docker endpoint`);
    }
    const host = field(docker, 'Host');
    const tlsDir = (0,external_node_path_.join)(root, 'tls', id, 'docker');
    let tlsFiles;
    try {
        tlsFiles = new Set((0,external_node_fs_.readdirSync)(tlsDir));
    }
    catch (error) {
        if (error.code !== 'ENOENT') {
            throw new errors/* PreflightError */.wG(`Cannot read the TLS files of the docker ${which}: ${error.message}`);
        }
    }
    return {
        name: selected.name,
        metaFile,
        host: typeof host === 'string' ? host : '',
        skipTlsVerify: field(docker, 'SkipTLSVerify') === true,
        tlsDir: tlsFiles ? tlsDir : undefined,
        tlsFiles: tlsFiles ?? new Set()
    };
}
/** A JSON object's field, its key matched case-insensitively as Go's encoding/json does. */
function field(value, key) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return undefined;
    const record = value;
    if (key in record)
        return record[key];
    const lower = key.toLowerCase();
    const found = Object.keys(record).find(k => k.toLowerCase() === lower);
    return found === undefined ? undefined : record[found];
}

;// CONCATENATED MODULE: ./src/engine/endpoint.ts





const DEFAULT_SOCKET = '/var/run/docker.sock';
/** The CLI's address when TLS is on and nothing names a host (opts/hosts.go defaultTLSHost). */
const DEFAULT_TLS_HOST = 'tcp://localhost:2376';
/** One line for the log and the report: "tcp://127.0.0.1:23760 (TLS), from context `ci-tls` (DOCKER_CONTEXT)". */
function describeEndpoint(display, source) {
    return source.kind === 'default' || source.kind === 'rootless'
        ? `${display}, ${source.description}`
        : `${display}, from ${source.description}`;
}
const EXPECTED = '(expected unix:///path/to/docker.sock, tcp://host:port, ssh://user@host or npipe:////./pipe/name)';
/**
 * Parses an address as the CLI does (opts/hosts.go): no scheme means tcp, a tcp address without a port
 * means 2375, an empty host localhost. Also takes http:// and https:// (the CLI does not). Throws a
 * PreflightError naming `name` and the value; reads no file and no variable.
 */
function parseHost(raw, name) {
    const value = raw.trim();
    const fail = (why) => {
        throw new errors/* PreflightError */.wG(`${name} "${raw}" is not a valid Docker endpoint: ${why} ${EXPECTED}`);
    };
    if (value.startsWith('unix://')) {
        const path = value.slice('unix://'.length) || DEFAULT_SOCKET;
        if (!path.startsWith('/'))
            fail('the socket path must be absolute');
        return { kind: 'unix', path };
    }
    if (value.startsWith('npipe://'))
        return { kind: 'npipe', path: value.slice('npipe://'.length) || '//./pipe/docker_engine' };
    if (value.startsWith('/'))
        return { kind: 'unix', path: value };
    if (value.startsWith('fd://'))
        fail('fd:// is only for dockerd itself');
    let url;
    try {
        url = new URL(value.includes('://') ? value : `tcp://${value}`);
    }
    catch {
        return fail('it does not parse as a URL');
    }
    const scheme = url.protocol.replace(/:$/, '');
    if (scheme === 'ssh') {
        if (!url.hostname)
            fail('it names no host');
        const port = url.port ? Number(url.port) : 22;
        return {
            kind: 'ssh',
            host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
            port,
            username: url.username ? decodeURIComponent(url.username) : undefined,
            address: value
        };
    }
    if (scheme !== 'tcp' && scheme !== 'http' && scheme !== 'https')
        fail(`unknown scheme "${scheme}"`);
    const host = url.hostname || 'localhost';
    const port = url.port ? Number(url.port) : scheme === 'https' ? 2376 : 2375;
    const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    return {
        kind: 'tcp',
        host: host.replace(/^\[(.*)\]$/, '$1'),
        port,
        address: `tcp://${bracketed}:${port}`,
        pathPrefix: url.pathname && url.pathname !== '/' ? url.pathname : '/',
        https: scheme === 'https'
    };
}
/**
 * Resolves the endpoint the way the docker CLI does: the `docker-host` input (the CLI's -H), else
 * DOCKER_HOST, else the context DOCKER_CONTEXT or `docker context use` named, else a rootless daemon's
 * socket ($XDG_RUNTIME_DIR/docker.sock) when there is one, else /var/run/docker.sock. TLS for the first
 * two and the default comes from DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH, for a context from the
 * context. Throws a PreflightError (naming the value, file or context) before any request is made.
 */
function resolveEndpoint(explicit, env) {
    const notes = [];
    const dockerHost = env.DOCKER_HOST?.trim();
    if (explicit || dockerHost) {
        const source = explicit
            ? { kind: 'input', description: 'docker-host' }
            : { kind: 'DOCKER_HOST', description: 'DOCKER_HOST' };
        const overridden = selectedContext(env, []);
        if (overridden && overridden.name !== DEFAULT_CONTEXT) {
            notes.push(`${source.description} overrides the docker ${describeContext(overridden)}.`);
        }
        const name = explicit ? 'docker-host' : 'DOCKER_HOST';
        return fromHost(parseHost((explicit || dockerHost), name), source, envTls(env), notes, env);
    }
    const selected = selectedContext(env, notes);
    if (selected && selected.name !== DEFAULT_CONTEXT) {
        const stored = readStoredContext(env, selected);
        const which = describeContext(selected);
        const source = {
            kind: 'context',
            context: selected.name,
            contextFrom: selected.from,
            description: which
        };
        const parsed = parseHost(stored.host || `unix://${DEFAULT_SOCKET}`, `The host of the docker ${which}`);
        // cli/context/docker/load.go: TLS when the context has TLS files or skips verification.
        const tls = stored.tlsDir || stored.skipTlsVerify
            ? {
                verify: !stored.skipTlsVerify,
                from: which,
                caFile: has(stored.tlsFiles, 'ca.pem', stored.tlsDir),
                certFile: has(stored.tlsFiles, 'cert.pem', stored.tlsDir),
                keyFile: has(stored.tlsFiles, 'key.pem', stored.tlsDir)
            }
            : undefined;
        return fromHost(parsed, source, tls, notes, env);
    }
    const tls = envTls(env);
    if (tls) {
        const source = {
            kind: 'default',
            description: `the CLI's default TLS address (${tls.trigger} is set, DOCKER_HOST is not)`
        };
        return fromHost(parseHost(DEFAULT_TLS_HOST, 'default'), source, tls, notes);
    }
    const rootless = env.XDG_RUNTIME_DIR ? (0,external_node_path_.join)(env.XDG_RUNTIME_DIR, 'docker.sock') : undefined;
    if (rootless && isSocket(rootless)) {
        const source = { kind: 'rootless', description: 'the rootless socket in XDG_RUNTIME_DIR' };
        return fromHost({ kind: 'unix', path: rootless }, source, undefined, notes);
    }
    return fromHost({ kind: 'unix', path: DEFAULT_SOCKET }, { kind: 'default', description: 'the default socket' }, undefined, notes);
}
/**
 * The docker context resolveEndpoint would take the endpoint from, or undefined (an address is set, or
 * no context is named). Reads only the CLI's config.json; never throws.
 */
function contextInUse(explicit, env) {
    if (explicit || env.DOCKER_HOST?.trim())
        return undefined;
    const selected = selectedContext(env, []);
    return selected && selected.name !== DEFAULT_CONTEXT ? selected.name : undefined;
}
/**
 * cli/flags/options.go: DOCKER_TLS_VERIFY (any non-empty value, "0" too) means TLS, verified; DOCKER_TLS
 * TLS unverified. The files are in DOCKER_CERT_PATH, else the CLI's config folder; ca.pem must be there,
 * cert.pem and key.pem are dropped when absent.
 */
function envTls(env) {
    const verify = Boolean(env.DOCKER_TLS_VERIFY);
    if (!verify && !env.DOCKER_TLS)
        return undefined;
    const dir = env.DOCKER_CERT_PATH || dockerConfigDir(env);
    const from = env.DOCKER_CERT_PATH
        ? `DOCKER_CERT_PATH (${dir})`
        : `the docker config folder (${dir}; DOCKER_CERT_PATH is not set)`;
    const exists = (name) => fileExists((0,external_node_path_.join)(dir, name)) ? (0,external_node_path_.join)(dir, name) : undefined;
    const trigger = verify ? 'DOCKER_TLS_VERIFY' : 'DOCKER_TLS';
    const caFile = (0,external_node_path_.join)(dir, 'ca.pem');
    // Checked only when the address is TCP: TLS settings do not apply to a socket.
    if (!fileExists(caFile))
        return { verify, from, trigger, caFile, missingCa: true };
    return { verify, from, trigger, caFile, certFile: exists('cert.pem'), keyFile: exists('key.pem') };
}
function fromHost(parsed, source, requested, notes, env = {}) {
    switch (parsed.kind) {
        case 'unix':
        case 'npipe':
            // A socket needs no TLS (cli/context/docker/load.go isSocket): TLS settings are ignored for it.
            return {
                display: `${parsed.kind}://${parsed.path}`,
                source,
                options: { socketPath: parsed.path },
                notes
            };
        case 'ssh':
            return {
                display: parsed.address,
                source,
                options: {
                    protocol: 'ssh',
                    host: parsed.host,
                    port: parsed.port,
                    username: parsed.username,
                    // The user's ssh agent, as the CLI's ssh helper would use it.
                    sshAgent: env.SSH_AUTH_SOCK || undefined
                },
                notes
            };
        case 'tcp': {
            const base = { host: parsed.host, port: parsed.port, pathPrefix: parsed.pathPrefix };
            const tls = requested ?? (parsed.https ? { verify: true, from: `the https:// address` } : undefined);
            if (!tls)
                return { display: parsed.address, source, options: { protocol: 'http', ...base }, notes };
            const material = loadTls(tls);
            return {
                display: `${parsed.address} (TLS${tls.verify ? '' : ', server not verified'})`,
                source,
                tls: {
                    verify: tls.verify,
                    from: tls.from,
                    caFile: tls.caFile,
                    certFile: tls.certFile,
                    keyFile: tls.keyFile
                },
                options: { protocol: 'https', ...base, ...material },
                notes
            };
        }
    }
}
/** Reads and checks the TLS files, so a bad one is one clear error before any request. */
function loadTls(tls) {
    if (tls.missingCa) {
        throw new errors/* PreflightError */.wG(`${tls.trigger} is set, but ${tls.caFile} does not exist: put the engine's CA certificate there, or set ` +
            'DOCKER_CERT_PATH to the folder that holds ca.pem (and cert.pem and key.pem for a client certificate).');
    }
    if (Boolean(tls.certFile) !== Boolean(tls.keyFile)) {
        const [present, absent] = tls.certFile ? [tls.certFile, 'key.pem'] : [tls.keyFile, 'cert.pem'];
        throw new errors/* PreflightError */.wG(`${present} has no ${absent} beside it (${tls.from}): a client certificate needs both files.`);
    }
    const read = (file) => {
        try {
            return (0,external_node_fs_.readFileSync)(file);
        }
        catch (error) {
            throw new errors/* PreflightError */.wG(`Cannot read ${file} (${tls.from}): ${error.message}`);
        }
    };
    const ca = tls.caFile ? read(tls.caFile) : undefined;
    if (ca && tls.caFile)
        certificateOf(ca, tls.caFile, tls.from, 'CA certificate');
    if (!tls.certFile || !tls.keyFile)
        return { ca };
    const cert = read(tls.certFile);
    const key = read(tls.keyFile);
    const x509 = certificateOf(cert, tls.certFile, tls.from, 'client certificate');
    let keyObject;
    try {
        keyObject = (0,ids/* nodeCrypto */.SI)().createPrivateKey(key);
    }
    catch (error) {
        const encrypted = /ENCRYPTED/.test(key.toString('latin1')) || /passphrase/i.test(error.message);
        throw new errors/* PreflightError */.wG(`${tls.keyFile} (${tls.from}) is not a usable private key: ` +
            (encrypted
                ? 'it is encrypted, and docker no longer supports encrypted keys.'
                : `${error.message}.`));
    }
    if (!x509.checkPrivateKey(keyObject)) {
        throw new errors/* PreflightError */.wG(`${tls.keyFile} is not the private key of ${tls.certFile} (${tls.from}): the client certificate and key must belong together.`);
    }
    return { ca, cert, key };
}
function certificateOf(pem, file, from, what) {
    try {
        return new ((0,ids/* nodeCrypto */.SI)().X509Certificate)(pem);
    }
    catch {
        throw new errors/* PreflightError */.wG(`${file} (${from}) is not a PEM ${what}.`);
    }
}
function has(files, name, dir) {
    return dir && files.has(name) ? (0,external_node_path_.join)(dir, name) : undefined;
}
function fileExists(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
function isSocket(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isSocket();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   Te: () => (/* binding */ throwIfAborted),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   wG: () => (/* binding */ PreflightError)
/* harmony export */ });
/**
 * A failure the user can act on. Its message is the whole story (what, where, what to check): runtimes
 * print it as one line with no stack trace. Anything else that escapes is a bug and keeps its stack.
 */
class PreflightError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'PreflightError';
    }
}
/** A run aborted by a signal (the job was cancelled). */
class CancelledError extends PreflightError {
    constructor(reason = 'the run was cancelled') {
        super(reason);
        this.name = 'CancelledError';
    }
}
/** The message of any thrown value, without a stack. */
function messageOf(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** An error code Node or docker-modem attached (ENOENT, ECONNREFUSED, ...), or HTTP status as a number. */
function errorCode(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const e = error;
    if (typeof e.statusCode === 'number')
        return e.statusCode;
    if (typeof e.code === 'string' || typeof e.code === 'number')
        return e.code;
    return e.cause ? errorCode(e.cause) : undefined;
}
/** Throws a CancelledError when the signal has fired. */
function throwIfAborted(signal) {
    if (signal?.aborted)
        throw new CancelledError();
}


/***/ }),

/***/ 2325:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SI: () => (/* binding */ nodeCrypto),
/* harmony export */   bX: () => (/* binding */ randomUuid),
/* harmony export */   nw: () => (/* binding */ randomHex),
/* harmony export */   p0: () => (/* binding */ stableKey)
/* harmony export */ });
/* unused harmony export randomBytes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
// Random tokens and names, and the one stable key a build needs, without node:crypto on the default run:
// loading node:crypto costs ~3.6 MB of memory on Node 24 (its modules and OpenSSL's start-up), and the run
// needs no other part of it (BENCHMARKS.md, issue 14). Random bytes come from the kernel's generator
// (/dev/urandom, what node:crypto's own randomBytes draws on); where there is none (Windows), from
// node:crypto, loaded then.


/** `size` cryptographically random bytes. */
function randomBytes(size) {
    const bytes = Buffer.alloc(size);
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)('/dev/urandom', 'r');
    }
    catch {
        return nodeCrypto().randomBytes(size);
    }
    try {
        for (let filled = 0; filled < size;) {
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, bytes, filled, size - filled, null);
            if (read <= 0)
                throw new Error('/dev/urandom returned no bytes');
            filled += read;
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    return bytes;
}
/**
 * node:crypto, loaded on first call. Synchronously, as an ES module cannot `require`: getBuiltinModule
 * (Node 20.16+), else a require made for this file (written as a property call: the bundler replaces a
 * bare `createRequire(import.meta.url)(\u2026)` with its own resolution, which has no node:crypto).
 */
function nodeCrypto() {
    const withBuiltins = process;
    const loaded = withBuiltins.getBuiltinModule
        ? withBuiltins.getBuiltinModule('node:crypto')
        : node_module__WEBPACK_IMPORTED_MODULE_1___default().createRequire(import.meta.url)('node:crypto');
    return loaded;
}
function randomHex(size) {
    return randomBytes(size).toString('hex');
}
/** A random (version 4) UUID, as crypto.randomUUID() writes one. */
function randomUuid() {
    const bytes = randomBytes(16);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/**
 * The same 16 hex digits for the same text (64-bit FNV-1a over its UTF-8): a key that only has to be
 * stable and, in practice, distinct \u2014 not secret, not collision-proof against someone trying.
 */
function stableKey(text) {
    let hash = 0xcbf29ce484222325n;
    for (const byte of Buffer.from(text, 'utf8')) {
        hash ^= BigInt(byte);
        hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return hash.toString(16).padStart(16, '0');
}


/***/ }),

/***/ 9407:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runCli)
/* harmony export */ });
/* harmony import */ var _runtime_lean_jit_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6363);
/* harmony import */ var _shim_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2710);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _engine_constants_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(1003);
/* harmony import */ var _engine_early_ping_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8686);
/* harmony import */ var _engine_endpoint_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5725);
/* harmony import */ var _runtime_compile_cache_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6710);
/* harmony import */ var _runtime_state_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(6673);
// lean-jit first (it imports only node:v8), so that no code of ours runs before V8's optimizers are off;
// then the shim, before anything that reads __dirname: see src/shim.ts.









// Start-up matters (the action runs on every push): this entry imports nothing heavy. It sends the
// engine its first request at once, then loads the rest (the engine client, the stages, @actions/core)
// while the engine answers. The post step, when main left nothing on the engine, loads nothing at all.
/** The CLI (dist/cli.js) calls this; loading the CLI runtime only then keeps the action's start fast. */
async function runCli(...args) {
    const cli = await withoutDebug(() => Promise.all(/* import() */[__nccwpck_require__.e(225), __nccwpck_require__.e(51), __nccwpck_require__.e(138)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4138)));
    return cli.runCli(...args);
}
/**
 * Loads the heavy modules with DEBUG unset. docker-modem logs every request (headers included: registry
 * credentials travel in X-Registry-Config) and every reply to stderr, which the runner reads as the job
 * log, through `debug` when DEBUG names it (DEBUG=* does); `debug` reads DEBUG once, when it loads.
 */
async function withoutDebug(load) {
    const saved = process.env.DEBUG;
    delete process.env.DEBUG;
    try {
        return await load();
    }
    finally {
        if (saved !== undefined)
            process.env.DEBUG = saved;
    }
}
/** True when node was started on this file (the action), false when imported (the CLI wrapper, tests). */
function isEntry() {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.realpathSync)(process.argv[1] ?? '') === (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.realpathSync)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url));
    }
    catch {
        return false;
    }
}
/** The main step's ping, sent before anything loads; undefined in the post step or on a bad address. */
function pingEarly(env) {
    if (env.STATE_phase)
        return undefined; // the post step
    try {
        const endpoint = (0,_engine_endpoint_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveEndpoint */ .sO)(env['INPUT_DOCKER-HOST']?.trim() || undefined, env);
        return (0,_engine_early_ping_js__WEBPACK_IMPORTED_MODULE_4__/* .startEarlyPing */ .c)(endpoint, _engine_constants_js__WEBPACK_IMPORTED_MODULE_7__/* .PING_TIMEOUT_MS */ .q);
    }
    catch {
        return undefined; // a malformed address is reported by input validation
    }
}
if (isEntry()) {
    if ((0,_runtime_state_js__WEBPACK_IMPORTED_MODULE_8__/* .postHasNothingToDo */ .oO)(process.env)) {
        // Main saw that nothing of its run was left (src/runtime/github.ts): its one line, and done.
        process.stdout.write(`${_runtime_state_js__WEBPACK_IMPORTED_MODULE_8__/* .NOTHING_LEFT_LINE */ .ZW}\n`);
    }
    else {
        const earlyPing = pingEarly(process.env);
        (0,_runtime_compile_cache_js__WEBPACK_IMPORTED_MODULE_6__/* .enableCompileCache */ .L)(process.env);
        const { runAction } = await withoutDebug(() => Promise.all(/* import() */[__nccwpck_require__.e(225), __nccwpck_require__.e(51), __nccwpck_require__.e(320)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2320)));
        await runAction({ earlyPing });
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6710:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ enableCompileCache)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Node 22.1+ can keep the V8 code of the modules it compiles on disk (module.enableCompileCache), so a
 * later start skips compiling the bundle. Kept in the runner's tool cache when there is one: a self-hosted
 * runner keeps it from job to job, so every job after the first starts warm (RUNNER_TEMP is emptied at
 * the start and end of every job, and the post step mostly does not run: action.yml's post-if). Else in
 * RUNNER_TEMP, for a job's later docker-preflight steps. Node keys entries by the file's path and content,
 * so each version of the action has its own. Only in the action (RUNNER_TEMP set); Node 20 has no such API
 * and runs as before. Never fails the run: a cache that cannot be written is only slower.
 */
function compileCacheDir(env) {
    if (!env.RUNNER_TEMP)
        return undefined;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.RUNNER_TOOL_CACHE || env.RUNNER_TEMP, 'docker-preflight-compile-cache');
}
function enableCompileCache(env) {
    const enable = (node_module__WEBPACK_IMPORTED_MODULE_0___default().enableCompileCache);
    const dir = compileCacheDir(env);
    if (typeof enable !== 'function' || !dir)
        return;
    try {
        enable(dir);
    }
    catch {
        // a read-only or full cache directory: compile as usual
    }
}


/***/ }),

/***/ 6363:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {


;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
var external_node_v8_default = /*#__PURE__*/__nccwpck_require__.n(external_node_v8_namespaceObject);
;// CONCATENATED MODULE: ./src/runtime/lean-jit.ts
// Imported by the entry (src/index.ts) right after the shim, for its effect: the action and the CLI are
// processes of about a second. V8's optimizing compilers (Maglev and Turbofan) compile hot functions on
// background threads, each job with megabytes of working memory: in a run this short they cost ~3 MB of
// peak memory on Node 20 and 1\u20138 MB on Node 24 (the most when a Turbofan job lands at the peak) and
// save no measurable CPU, not even syncing a 5,000-file context; the efficiency analysis of a 1 GB image
// took 1.26× `docker save` without them, 1.22× with (BENCHMARKS.md, issue 14). V8's interpreter and its
// non-optimizing compiler (Sparkplug) stay on: without Sparkplug that sync took 2.5× the CPU. Set before
// the rest of the bundle loads, so none of it is queued for optimizing: the entry imports this module
// even before the shim. What it cannot reach: Node 24 marks its own path code (isPosixPathSeparator, one
// call per character of every path it resolves) for Maglev once those calls pass a budget, and loading an
// entry whose path is longer than about 21 characters (every action on a runner) passes it before any
// code of ours runs. That compile maps about 2 MB more of the node binary into the peak (BENCHMARKS.md).
//
// The young generation is also kept at its starting size (semi-space growth factor 1): V8 doubles it when
// much survives a scavenge, as module loading makes happen at once, and the pages it then touches stay in
// the peak. Alternating in one harness, the default run's peak went 59.8 -> 58.8 MB on Node 24 and
// 50.5 -> 50.0 MB on Node 20, with less CPU, not more (149 -> 141 ms and 171 -> 164 ms; ~350 fewer page
// faults of ~8,100); a 1 GB image's efficiency analysis and a 20,000-file context sync kept their figures.

try {
    external_node_v8_default().setFlagsFromString('--no-opt');
    external_node_v8_default().setFlagsFromString('--no-maglev');
    external_node_v8_default().setFlagsFromString('--semi-space-growth-factor=1');
}
catch {
    // a runtime without these flags runs as it would
}


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ LEFT_NOTHING),
/* harmony export */   C$: () => (/* binding */ STATE_LEFT),
/* harmony export */   CL: () => (/* binding */ NOTHING_LEFT_ENV),
/* harmony export */   EX: () => (/* binding */ STATE_RUN_ID),
/* harmony export */   ZW: () => (/* binding */ NOTHING_LEFT_LINE),
/* harmony export */   lG: () => (/* binding */ STATE_CONFIG),
/* harmony export */   m5: () => (/* binding */ STATE_PHASE),
/* harmony export */   oO: () => (/* binding */ postHasNothingToDo)
/* harmony export */ });
// The step state main saves for the post step (the runner passes it back as STATE_<name>). Imports
// nothing: the post entry reads it before it loads anything heavy.
const STATE_PHASE = 'phase';
const STATE_RUN_ID = 'run-id';
const STATE_CONFIG = 'config';
/** Set by main to LEFT_NOTHING once it has seen that nothing labelled with its run is on the engine. */
const STATE_LEFT = 'left';
const LEFT_NOTHING = 'nothing';
/**
 * The job environment variable that lets the runner skip the post step altogether (action.yml's
 * `post-if: always() && env.DOCKER_PREFLIGHT_NOTHING_LEFT != 'true'`): 'true' while every docker-preflight
 * step of the job so far finished and left nothing for its post step. Each main writes 'false' to
 * GITHUB_ENV before it creates anything and 'true' at the end only when nothing of its run is left and
 * the value it started with was unset or 'true'; the runner applies the last line, whatever the exit status.
 * So a crashed, cancelled or untidy run, or any earlier one, keeps every post step of the job.
 */
const NOTHING_LEFT_ENV = 'DOCKER_PREFLIGHT_NOTHING_LEFT';
/** The post step's line when there is nothing to remove (the same words cleanup uses). */
const NOTHING_LEFT_LINE = 'Nothing of this run was left on the engine.';
/**
 * True when main finished and saw that nothing it made was left (no container, network or volume of
 * its run, and no `cleanup-images` to do): the post step then has nothing to remove or look for.
 */
function postHasNothingToDo(env) {
    return env[`STATE_${STATE_PHASE}`] === 'main' && env[`STATE_${STATE_LEFT}`] === LEFT_NOTHING;
}


/***/ }),

/***/ 2710:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Must be imported before anything else of the bundle (src/index.ts: after lean-jit, which needs nothing). ncc emits an ESM bundle, and ssh2 (pulled in by docker-modem)
// reads __dirname at load time: without these globals the bundle dies with a ReferenceError.


const globals = globalThis;
globals.__filename ??= (0,node_url__WEBPACK_IMPORTED_MODULE_0__.fileURLToPath)(import.meta.url);
globals.__dirname ??= (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(globals.__filename);


/***/ }),

/***/ 406:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("./crypto/build/Release/sshcrypto.node");

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 9140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("cpu-features");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 8056:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__runCli = __webpack_exports__.a;
/******/ export { __webpack_exports__runCli as runCli };
/******/ 
