export const id = 546;
export const ids = [546];
export const modules = {

/***/ 2546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ HealthyWait),
/* harmony export */   strategyFor: () => (/* binding */ strategyFor),
/* harmony export */   waitUntilReady: () => (/* binding */ waitUntilReady)
/* harmony export */ });
/* unused harmony exports HttpWait, PortWait, LogWait */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _healthcheck_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9619);
/* harmony import */ var _ports_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8973);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(970);
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7302);
// Ways a service shows it is ready, as small objects in the style of testcontainers' wait strategies:
// each makes one attempt at a time (`check`), and `waitUntilReady` polls it until it is ready, gives a
// fatal answer, or the signal (deadline, container exit, cancel) ends the wait.







/** How long one attempt may take; a slow answer is retried, within the entry's timeout. */
const ATTEMPT_TIMEOUT_MS = 2000;
/**
 * docker-proxy accepts a connection on the published host port even when nothing listens in the
 * container, then closes it at once. A connection still open (or that sent data) after this long is
 * a real listener.
 */
const PROXY_GRACE_MS = 500;
/** 2xx and 3xx pass; redirects are not followed. */
class HttpWait {
    url;
    description;
    constructor(url) {
        this.url = url;
        this.description = `GET ${url}`;
    }
    async check(signal) {
        // node:https (with node:tls under it) only for an https:// probe.
        const send = this.url.startsWith('https:') ? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
        const attempt = (0,_signals_js__WEBPACK_IMPORTED_MODULE_4__/* .deadline */ .nl)(ATTEMPT_TIMEOUT_MS, undefined, signal);
        return new Promise(resolve => {
            const req = send(this.url, { method: 'GET', agent: false, signal: attempt.signal, rejectUnauthorized: false }, res => {
                res.resume();
                res.destroy();
                const status = res.statusCode ?? 0;
                resolve({ ready: status >= 200 && status < 400, detail: `${this.description} answered ${status}` });
            });
            req.on('error', error => {
                const reason = attempt.signal.aborted && !signal.aborted ? 'no answer within 2s' : describeSocketError(error);
                resolve({ ready: false, detail: `${this.description} failed: ${reason}` });
            });
            req.end();
        }).finally(() => attempt.dispose());
    }
}
/** A TCP connection to the published host port that the container's listener keeps open. */
class PortWait {
    host;
    port;
    description;
    constructor(host, port, containerPort) {
        this.host = host;
        this.port = port;
        this.description = `a TCP connection to ${formatHost(host)}:${port} (container port ${containerPort})`;
    }
    check(signal) {
        return new Promise(resolve => {
            const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.connect)({ host: this.host, port: this.port, signal });
            let settled = false;
            const done = (answer) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                socket.destroy();
                resolve(answer);
            };
            const timer = setTimeout(() => done({ ready: false, detail: `${this.description}: no answer within 2s` }), ATTEMPT_TIMEOUT_MS);
            socket.on('connect', () => {
                clearTimeout(timer);
                setTimeout(() => done({ ready: true, detail: `${this.description} was accepted` }), PROXY_GRACE_MS);
            });
            socket.on('data', () => done({ ready: true, detail: `${this.description} was accepted` }));
            socket.on('end', () => done({ ready: false, detail: `${this.description} was closed at once (nothing listening yet)` }));
            socket.on('error', error => done({ ready: false, detail: `${this.description}: ${describeSocketError(error)}` }));
        });
    }
}
/** A pattern in the combined output. */
class LogWait {
    watch;
    description;
    constructor(watch) {
        this.watch = watch;
        this.description = `output matching ${(0,_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .showPattern */ .uz)(watch.pattern)}`;
    }
    async check() {
        return this.watch.matched
            ? { ready: true, detail: `output matched ${(0,_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .showPattern */ .uz)(this.watch.pattern)}` }
            : { ready: false, detail: `no output matched ${(0,_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .showPattern */ .uz)(this.watch.pattern)} yet` };
    }
}
/** Docker's default HEALTHCHECK interval, when the image sets none. */
const DEFAULT_HEALTH_INTERVAL_MS = 30_000;
/** The engine gives HEALTHCHECK durations in nanoseconds. */
const NS_PER_MS = 1_000_000;
/**
 * The image's HEALTHCHECK, as the engine reports it in State.Health. On Podman, whose checks run from
 * systemd timers, a machine without systemd never runs them: when no check has run one interval after
 * the first look, the wait runs the check itself through Podman's API, once an interval, as the timer
 * would have (see src/engine/podman.ts).
 */
class HealthyWait {
    client;
    id;
    image;
    description = 'HEALTHCHECK to report healthy';
    firstLook;
    lastRun;
    runByUs = false;
    constructor(client, id, image) {
        this.client = client;
        this.id = id;
        this.image = image;
    }
    async check(signal) {
        let info = await this.client.containers.inspect(this.id, signal);
        let health = info.State?.Health;
        // Podman gives a container without a HEALTHCHECK an empty State.Health: its config decides.
        if (!health || !(0,_healthcheck_js__WEBPACK_IMPORTED_MODULE_5__/* .hasHealthcheck */ .z)(info.Config)) {
            return {
                ready: false,
                fatal: true,
                detail: `ready: healthy needs a HEALTHCHECK, and ${this.image} has none`
            };
        }
        if (await this.runOnPodman(info, signal)) {
            info = await this.client.containers.inspect(this.id, signal);
            health = info.State?.Health ?? health;
        }
        const by = this.runByUs
            ? ' (run by docker-preflight: no check had run, and Podman runs them from systemd timers)'
            : '';
        if (health.Status === 'healthy')
            return { ready: true, detail: `HEALTHCHECK reported healthy${by}` };
        const last = health.Log?.[health.Log.length - 1];
        const probe = last ? ` (last check exited ${last.ExitCode}: ${last.Output.trim().slice(0, 200)})` : '';
        if (health.Status === 'unhealthy')
            return { ready: false, fatal: true, detail: `HEALTHCHECK reported unhealthy${probe}${by}` };
        return { ready: false, detail: `HEALTHCHECK reported ${health.Status}${probe}${by}` };
    }
    /** Runs the check through Podman's API when it is due and no timer has run it; true when it ran. */
    async runOnPodman(info, signal) {
        const health = info.State?.Health;
        if (!health || health.Status !== 'starting')
            return false;
        // A timer ran a check: the engine schedules them, nothing to do.
        if (!this.runByUs && (health.Log?.length ?? 0) > 0)
            return false;
        const now = Date.now();
        this.firstLook ??= now;
        const nanoseconds = info.Config.Healthcheck?.Interval;
        const interval = nanoseconds ? nanoseconds / NS_PER_MS : DEFAULT_HEALTH_INTERVAL_MS;
        if (now - (this.lastRun ?? this.firstLook) < interval)
            return false;
        if (!(await this.client.system.isPodman(signal)))
            return false;
        this.lastRun = now;
        this.runByUs = true;
        // A run that fails (the container stopped meanwhile) shows in the state read after it.
        await this.client.containers.podmanHealthcheck(this.id, signal).catch(() => { });
        return true;
    }
}
/** The strategy for a ready spec, or why it cannot be built (a port that was not published). */
function strategyFor(spec, context) {
    const published = (containerPort) => context.ports.find(p => p.protocol === 'tcp' && p.containerPort === containerPort);
    switch (spec.kind) {
        case 'http': {
            if (spec.containerPort === undefined)
                return new HttpWait(spec.target);
            const port = published(spec.containerPort);
            if (!port)
                return `container port ${spec.containerPort} was not published`;
            return new HttpWait(`http://${formatHost((0,_ports_js__WEBPACK_IMPORTED_MODULE_6__/* .connectHost */ .Zj)(port))}:${port.hostPort}${spec.target}`);
        }
        case 'port': {
            const port = published(spec.port);
            if (!port)
                return `container port ${spec.port} was not published`;
            return new PortWait((0,_ports_js__WEBPACK_IMPORTED_MODULE_6__/* .connectHost */ .Zj)(port), port.hostPort, spec.port);
        }
        case 'log':
            return context.logWatch ? new LogWait(context.logWatch) : 'the output is not being watched';
        case 'healthy':
            return new HealthyWait(context.client, context.id, context.image);
    }
}
/**
 * Asks `strategy` every `intervalMs` until it is ready or answers fatally. Rejects when `signal` aborts;
 * `onAnswer` sees every answer, so a timeout can say what was last seen.
 */
async function waitUntilReady(strategy, signal, onAnswer = () => { }, intervalMs = 250) {
    for (;;) {
        signal.throwIfAborted();
        let answer;
        try {
            answer = await strategy.check(signal);
        }
        catch (error) {
            signal.throwIfAborted();
            answer = { ready: false, detail: `${strategy.description}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}` };
        }
        onAnswer(answer);
        if (answer.ready || answer.fatal)
            return answer;
        await (0,_signals_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .yy)(intervalMs, signal);
    }
}
function formatHost(host) {
    return host.includes(':') ? `[${host}]` : host;
}
function describeSocketError(error) {
    const code = error.code;
    if (code === 'ECONNREFUSED')
        return 'connection refused';
    if (code === 'ECONNRESET')
        return 'connection reset';
    if (code === 'EPIPE')
        return 'connection closed';
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error);
}


/***/ })

};
