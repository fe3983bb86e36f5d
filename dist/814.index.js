export const id = 814;
export const ids = [814];
export const modules = {

/***/ 65546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ DRIFT_FIELDS),
/* harmony export */   au: () => (/* binding */ driftField),
/* harmony export */   sQ: () => (/* binding */ resolveDriftFieldEntry),
/* harmony export */   yA: () => (/* binding */ DRIFT_FIELD_NAMES)
/* harmony export */ });
/* unused harmony exports SECURITY_DRIFT_FIELDS, DRIFT_GROUPS */
// The engine facts a baseline comparison looks at, each with the stable name `fail-on-drift` lists.
// Kept free of heavy imports: input validation (src/inputs/parse.ts) reads it too.
const field = (name, label, group, source, security = false) => ({ name, label, group, source, security });
const DRIFT_FIELDS = [
    field('serverVersion', 'Server version', 'engine', '/version Version'),
    field('apiVersion', 'API version', 'engine', '/version ApiVersion'),
    field('storageDriver', 'Storage driver', 'storage', '/info Driver'),
    field('backingFilesystem', 'Backing filesystem', 'storage', '/info DriverStatus "Backing Filesystem"'),
    field('cgroupDriver', 'Cgroup driver', 'cgroup', '/info CgroupDriver'),
    field('cgroupVersion', 'Cgroup version', 'cgroup', '/info CgroupVersion'),
    field('defaultRuntime', 'Default runtime', 'runtime', '/info DefaultRuntime', true),
    field('runtimes', 'Runtimes', 'runtime', '/info Runtimes (names)'),
    field('seccomp', 'Seccomp', 'security', '/info SecurityOptions name=seccomp (and its profile)', true),
    field('apparmor', 'AppArmor', 'security', '/info SecurityOptions name=apparmor', true),
    field('selinux', 'SELinux', 'security', '/info SecurityOptions name=selinux', true),
    field('rootless', 'Rootless', 'security', '/info SecurityOptions name=rootless', true),
    field('userns', 'User namespaces', 'security', '/info SecurityOptions name=userns', true),
    field('securityOptions', 'Other security options', 'security', '/info SecurityOptions other than the five above (e.g. cgroupns)', true),
    field('registryMirrors', 'Registry mirrors', 'registry', '/info RegistryConfig.Mirrors'),
    field('insecureRegistries', 'Insecure registries', 'registry', '/info RegistryConfig InsecureRegistryCIDRs and IndexConfigs with Secure=false', true),
    field('httpProxy', 'HTTP proxy', 'registry', '/info HttpProxy (credentials redacted)'),
    field('httpsProxy', 'HTTPS proxy', 'registry', '/info HttpsProxy (credentials redacted)'),
    field('noProxy', 'No proxy', 'registry', '/info NoProxy'),
    field('loggingDriver', 'Logging driver', 'engine', '/info LoggingDriver'),
    field('liveRestore', 'Live restore', 'engine', '/info LiveRestoreEnabled'),
    field('osArch', 'OS/arch', 'host', '/version Os and Arch'),
    field('operatingSystem', 'Operating system', 'host', '/info OperatingSystem'),
    field('kernelVersion', 'Kernel', 'host', '/version KernelVersion'),
    field('cpus', 'CPUs', 'host', '/info NCPU'),
    field('memory', 'Memory', 'host', '/info MemTotal (changes under 1% are ignored)'),
    field('warnings', 'Daemon warnings', 'engine', '/info Warnings (as a set)'),
    field('diskImages', 'Disk: images', 'disk', '/system/df LayersSize'),
    field('diskContainers', 'Disk: containers', 'disk', '/system/df Containers SizeRw'),
    field('diskVolumes', 'Disk: volumes', 'disk', '/system/df Volumes UsageData.Size'),
    field('diskBuildCache', 'Disk: build cache', 'disk', '/system/df BuildCache Size'),
    field('diskReclaimable', 'Disk: reclaimable', 'disk', '/system/df, computed as `docker system df` does')
];
const DRIFT_FIELD_NAMES = DRIFT_FIELDS.map(f => f.name);
/** The names `fail-on-drift: security` counts. */
const SECURITY_DRIFT_FIELDS = DRIFT_FIELDS.filter(f => f.security).map(f => f.name);
/** Group names a `fail-on-drift` list may use besides field names: `security`, `disk`, `host`, ... */
const DRIFT_GROUPS = [
    'engine',
    'storage',
    'cgroup',
    'runtime',
    'security',
    'registry',
    'host',
    'disk'
];
function driftField(name) {
    const found = DRIFT_FIELDS.find(f => f.name === name);
    if (!found)
        throw new Error(`no drift field named ${name}`);
    return found;
}
/**
 * The canonical field names one `fail-on-drift` list entry stands for (case-insensitive): a field name
 * gives itself, a group name (`security`: the fields `fail-on-drift: security` counts; `disk`, `host`, ...)
 * gives its fields; undefined when the entry is neither.
 */
function resolveDriftFieldEntry(entry) {
    const key = entry.trim().toLowerCase();
    const single = DRIFT_FIELDS.find(f => f.name.toLowerCase() === key);
    if (single)
        return [single.name];
    if (key === 'security')
        return [...SECURITY_DRIFT_FIELDS];
    if (DRIFT_GROUPS.includes(key)) {
        return DRIFT_FIELDS.filter(f => f.group === key).map(f => f.name);
    }
    return undefined;
}


/***/ }),

/***/ 69423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ findLeftovers),
/* harmony export */   n: () => (/* binding */ formatAge)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94584);


/** Lists what earlier runs left, oldest first. Never throws: a listing error is reported in `error`. */
async function findLeftovers(input) {
    const { docker, runId, signal } = input;
    const now = input.now ?? Date.now();
    const filters = { label: [`${_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_MANAGED */ .TA}=true`] };
    try {
        const [containers, images] = await Promise.all([
            docker.listContainers({ all: true, filters, abortSignal: signal }),
            docker.listImages({ filters, abortSignal: signal })
        ]);
        const fromEarlierRun = (labels) => !!labels && labels[_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_RUN */ .Bt] !== undefined && labels[_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_RUN */ .Bt] !== runId;
        const leftContainers = containers
            .filter(c => fromEarlierRun(c.Labels))
            .map(c => {
            const createdMs = c.Created * 1000;
            return {
                id: c.Id,
                name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
                image: c.Image,
                state: c.State,
                runId: c.Labels[_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_RUN */ .Bt],
                role: c.Labels[_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_ROLE */ .os],
                created: new Date(createdMs).toISOString(),
                ageMs: Math.max(0, now - createdMs)
            };
        });
        const leftImages = images
            .filter(i => fromEarlierRun(i.Labels))
            .map(i => {
            const createdMs = i.Created * 1000;
            const labels = i.Labels;
            return {
                id: i.Id,
                shortId: i.Id.replace(/^sha256:/, '').slice(0, 12),
                tags: (i.RepoTags ?? []).filter(t => t !== '<none>:<none>'),
                sizeBytes: i.Size,
                runId: labels[_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_RUN */ .Bt],
                role: labels[_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_ROLE */ .os],
                created: new Date(createdMs).toISOString(),
                ageMs: Math.max(0, now - createdMs)
            };
        });
        const oldestFirst = (a, b) => b.ageMs - a.ageMs;
        return { containers: leftContainers.sort(oldestFirst), images: leftImages.sort(oldestFirst) };
    }
    catch (error) {
        return { containers: [], images: [], error: `Could not list leftovers: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}` };
    }
}
/** `3 d 4 h`, `2 h 5 min`, `40 s`: an age a person reads at a glance. */
function formatAge(ms) {
    const s = Math.floor(ms / 1000);
    const d = Math.floor(s / 86_400);
    const h = Math.floor((s % 86_400) / 3600);
    const m = Math.floor((s % 3600) / 60);
    if (d > 0)
        return h > 0 ? `${d} d ${h} h` : `${d} d`;
    if (h > 0)
        return m > 0 ? `${h} h ${m} min` : `${h} h`;
    if (m > 0)
        return `${m} min`;
    return `${s} s`;
}


/***/ }),

/***/ 4688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ cleanupAt),
/* harmony export */   E1: () => (/* binding */ describeCleanup)
/* harmony export */ });
/* unused harmony export cleanupRun */
/* harmony import */ var _engine_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76750);
/* harmony import */ var _engine_check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73326);
/* harmony import */ var _engine_connect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2688);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94584);





/**
 * `cleanupRun` at an endpoint named the way the inputs name it, for the runtimes' after-the-run cleanup
 * (the post step, main after a cancel, the CLI). Never rejects: an engine that cannot be used is the
 * result's one problem, in the words the engine check would use.
 */
async function cleanupAt(input) {
    let endpoint;
    try {
        endpoint = (0,_engine_connect_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveEndpoint */ .sO)(input.dockerHost, input.processEnv);
        const docker = (0,_engine_connect_js__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .Ng)(endpoint);
        if (input.pingTimeoutMs)
            await _engine_api_js__WEBPACK_IMPORTED_MODULE_0__/* .api */ .F.ping(docker, AbortSignal.timeout(input.pingTimeoutMs));
        const { runId, removeImages, log } = input;
        return await cleanupRun({
            docker,
            runId,
            removeImages,
            log,
            signal: AbortSignal.timeout(input.timeoutMs)
        });
    }
    catch (error) {
        const why = endpoint ? (0,_engine_check_js__WEBPACK_IMPORTED_MODULE_1__/* .engineError */ .v_)(endpoint, error, 'cleanup').message : (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error);
        return { containers: [], images: [], problems: [why] };
    }
}
/**
 * HTTP answers that mean "nothing left to do": 404 already gone, 304 already stopped, 409 a removal
 * already in progress (AutoRemove, or another cleanup).
 */
const ALREADY_GONE = new Set([404, 304, 409]);
/**
 * Removes every container (with its anonymous volumes) and, when asked, every image labelled with the
 * run. Throws only when the engine cannot even list them; other failures are collected in `problems`.
 */
async function cleanupRun(input) {
    const { docker, runId, removeImages, log, signal } = input;
    // An empty run id would select label values that are empty; never guess what to delete.
    if (!runId.trim())
        throw new Error('cleanupRun: a run id is required');
    const filters = { label: [`${_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .LABEL_RUN */ .Bt}=${runId}`] };
    const result = { containers: [], images: [], problems: [] };
    // An engine that cannot list cannot remove either: that error is the caller's to word (it knows the endpoint).
    const containers = await docker.listContainers({ all: true, filters, abortSignal: signal });
    // Concurrently: a cancelled job has seconds left, and each removal of a running container takes a kill.
    await Promise.all(containers.map(async (info) => {
        const container = {
            id: info.Id,
            name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
            image: info.Image,
            state: info.State
        };
        try {
            await docker.getContainer(info.Id).remove({ force: true, v: true, abortSignal: signal });
            result.containers.push(container);
        }
        catch (error) {
            if (ALREADY_GONE.has((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error))) {
                log.debug(`container ${container.name} was already gone (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error)})`);
            }
            else {
                result.problems.push(`Could not remove container ${container.name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error)}`);
            }
        }
    }));
    if (!removeImages)
        return result;
    let images = [];
    try {
        images = await docker.listImages({ filters, abortSignal: signal });
    }
    catch (error) {
        result.problems.push(`Could not list the images of run ${runId}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error)}`);
    }
    // One at a time: images of one build can share layers, and the engine serialises deletes anyway.
    for (const info of images) {
        const image = {
            id: info.Id,
            tags: (info.RepoTags ?? []).filter(t => t !== '<none>:<none>')
        };
        try {
            await docker.getImage(info.Id).remove({ force: true, abortSignal: signal });
            result.images.push(image);
        }
        catch (error) {
            if (ALREADY_GONE.has((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error))) {
                log.debug(`image ${image.id} was already gone (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error)})`);
            }
            else {
                result.problems.push(`Could not remove image ${image.tags[0] ?? image.id}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error)}`);
            }
        }
    }
    return result;
}
/** Lines for the log: what was removed, or that nothing was left (never said when something failed). */
function describeCleanup(result) {
    const lines = [];
    for (const c of result.containers) {
        lines.push(`Removed container ${c.name} (${c.id.slice(0, 12)}, ${c.state}, image ${c.image})`);
    }
    for (const i of result.images) {
        lines.push(`Removed image ${i.tags.length > 0 ? i.tags.join(', ') : i.id}`);
    }
    if (lines.length === 0 && result.problems.length === 0)
        lines.push('Nothing of this run was left on the engine.');
    return lines;
}


/***/ }),

/***/ 23772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony export levenshtein */
// Suggests the known word a mistyped key was probably meant to be (`expect-exitcode` → `expect-exit-code`).
/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
function levenshtein(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}
/** `expect_exit_code`, `expectExitCode` and `Expect-Exit-Code` all compare as `expectexitcode`. */
function squash(word) {
    return word.toLowerCase().replace(/[-_\s]/g, '');
}
/** The closest known word, when it is close enough to be a plausible typo; otherwise undefined. */
function didYouMean(word, known) {
    let best;
    for (const candidate of known) {
        const distance = squash(word) === squash(candidate) ? 0 : levenshtein(word.toLowerCase(), candidate);
        if (!best || distance < best.distance)
            best = { word: candidate, distance };
    }
    if (!best)
        return undefined;
    // A third of the word may be wrong (at least 2 edits), so `timout` and `expect-ouput` find their key
    // but `colour` does not become `user`.
    const allowed = Math.max(2, Math.floor(best.word.length / 3));
    return best.distance <= allowed ? best.word : undefined;
}


/***/ }),

/***/ 76750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ api)
/* harmony export */ });
function call(docker, method, options) {
    const target = docker;
    return target[method].call(docker, options);
}
const api = {
    ping: (docker, signal) => call(docker, 'ping', { abortSignal: signal }),
    version: (docker, signal) => call(docker, 'version', { abortSignal: signal }),
    info: (docker, signal) => call(docker, 'info', { abortSignal: signal }),
    df: (docker, signal) => call(docker, 'df', { abortSignal: signal })
};


/***/ }),

/***/ 73326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xx: () => (/* binding */ checkEngine),
/* harmony export */   v_: () => (/* binding */ engineError)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81260);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76750);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71003);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50970);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48574);
/* harmony import */ var _require_info_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80806);








/** /version and /info are cheap; a daemon that takes longer is stuck. */
const FACTS_TIMEOUT_MS = 15_000;
/**
 * The engine check: ping (fast failure when nothing answers), then /version, /info and the CLI's own
 * version concurrently, then the minimum versions and require-info conditions.
 */
async function checkEngine(input) {
    const started = Date.now();
    const { docker, endpoint, options, signal } = input;
    const clientVersion = readClientVersion();
    await pingEngine(docker, endpoint, signal, input.earlyPing);
    input.onReachable?.();
    const factsDeadline = (0,_signals_js__WEBPACK_IMPORTED_MODULE_3__/* .deadline */ .nl)(FACTS_TIMEOUT_MS, undefined, signal);
    const [version, info] = await Promise.all([
        _api_js__WEBPACK_IMPORTED_MODULE_2__/* .api */ .F.version(docker, factsDeadline.signal),
        _api_js__WEBPACK_IMPORTED_MODULE_2__/* .api */ .F.info(docker, factsDeadline.signal)
    ])
        .catch(error => {
        throw engineError(endpoint, error, 'reading /version and /info', signal);
    })
        .finally(() => factsDeadline.dispose());
    requireJsonObject(endpoint, '/version', version);
    requireJsonObject(endpoint, '/info', info);
    const facts = {
        endpoint: endpoint.display,
        serverVersion: String(version.Version ?? info.ServerVersion ?? ''),
        apiVersion: String(version.ApiVersion ?? ''),
        minApiVersion: version.MinAPIVersion ? String(version.MinAPIVersion) : undefined,
        os: String(version.Os ?? info.OSType ?? ''),
        arch: String(version.Arch ?? info.Architecture ?? ''),
        kernelVersion: String(version.KernelVersion ?? info.KernelVersion ?? ''),
        clientVersion: await clientVersion,
        version,
        info
    };
    const failures = [];
    const tooOld = (what, found, required) => {
        if (!required)
            return;
        const order = (0,_version_js__WEBPACK_IMPORTED_MODULE_4__/* .compareVersions */ .Z)(found, required);
        if (order === undefined || order < 0) {
            failures.push(`${what} ${found || '(unknown)'} is below the required minimum ${required}`);
        }
    };
    tooOld('Docker engine version', facts.serverVersion, options.minDockerVersion);
    tooOld('Docker API version', facts.apiVersion, options.minApiVersion);
    const conditions = (0,_require_info_js__WEBPACK_IMPORTED_MODULE_5__/* .evaluateConditions */ .w)(options.requireInfo, info);
    for (const outcome of conditions.filter(o => !o.passed)) {
        failures.push(`require-info "${outcome.condition.source}" failed: ${outcome.condition.field} is ${outcome.actual}`);
    }
    return { facts, conditions, failures, durationMs: Date.now() - started };
}
/**
 * Fails fast, with one clear message, when the engine cannot be reached: the early ping's outcome when
 * the entry sent one to this endpoint, else a ping of its own.
 */
async function pingEngine(docker, endpoint, signal, early) {
    const outcome = await early;
    if (outcome && outcome.endpoint === endpoint.display) {
        if (outcome.error !== undefined)
            throw engineError(endpoint, outcome.error, 'ping', signal);
        return;
    }
    const pingDeadline = (0,_signals_js__WEBPACK_IMPORTED_MODULE_3__/* .deadline */ .nl)(_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .PING_TIMEOUT_MS */ .q, undefined, signal);
    try {
        await _api_js__WEBPACK_IMPORTED_MODULE_2__/* .api */ .F.ping(docker, pingDeadline.signal);
    }
    catch (error) {
        throw engineError(endpoint, error, 'ping', signal);
    }
    finally {
        pingDeadline.dispose();
    }
}
/** Turns whatever dockerode threw into one clear line: the endpoint, what happened, what to check. */
function engineError(endpoint, error, doing, parentSignal) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreflightError */ .wG)
        return error;
    if (parentSignal?.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreflightError */ .wG('Cancelled while contacting the Docker engine');
    const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error);
    const where = `the Docker engine at ${endpoint.display}`;
    const hint = 'Is dockerd running? Check DOCKER_HOST or the docker-host input.';
    let what;
    if (typeof code === 'number') {
        // The engine answered, with an HTTP error: its own message says more than any guess.
        const message = error.json?.message;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreflightError */ .wG(`Cannot use ${where}: it answered HTTP ${code} (${doing})` +
            `${typeof message === 'string' && message.trim() ? `: ${message.trim()}` : ''}. Check the engine's logs.`, { cause: error });
    }
    switch (code) {
        case 'ENOENT':
            what = 'the socket does not exist';
            break;
        case 'ECONNREFUSED':
            what = 'the connection was refused';
            break;
        case 'EACCES':
            what = 'permission denied on the socket (is this user in the docker group?)';
            break;
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            what = 'the host name does not resolve';
            break;
        case 'ABORT_ERR':
        case 'ETIMEDOUT':
        case 'ESOCKETTIMEDOUT':
            what = `it did not answer (${doing}) in time`;
            break;
        default:
            what = isAbort(error) ? `it did not answer (${doing}) in time` : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error) || String(code);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreflightError */ .wG(`Cannot use ${where}: ${what}. ${hint}`, { cause: error });
}
/** docker-modem hands back the raw bytes when a reply is not JSON; nothing downstream may read those as facts. */
function requireJsonObject(endpoint, path, reply) {
    if (typeof reply === 'object' && reply !== null && !Buffer.isBuffer(reply) && !Array.isArray(reply))
        return;
    const start = String(reply).slice(0, 40).replace(/\s+/g, ' ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreflightError */ .wG(`Cannot use the Docker engine at ${endpoint.display}: its reply to ${path} is not JSON ` +
        `(it starts ${JSON.stringify(start)}). Is this address really a Docker engine?`);
}
function isAbort(error) {
    return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
/** `docker --version`, or undefined when no docker binary is on PATH (reported, not a failure). */
async function readClientVersion() {
    try {
        const { exitCode, stdout } = await _actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H('docker', ['--version'], {
            silent: true,
            ignoreReturnCode: true
        });
        if (exitCode !== 0)
            return undefined;
        return /version\s+([^\s,]+)/i.exec(stdout)?.[1] ?? stdout.trim();
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 2688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   sO: () => (/* reexport safe */ _endpoint_js__WEBPACK_IMPORTED_MODULE_1__.s)
/* harmony export */ });
/* harmony import */ var dockerode__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39040);
/* harmony import */ var dockerode__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(dockerode__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20605);


/** A dockerode client for the endpoint. No request is made here. */
function connect(endpoint) {
    return new (dockerode__WEBPACK_IMPORTED_MODULE_0___default())(endpoint.options);
}


/***/ }),

/***/ 80806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ evaluateConditions),
/* harmony export */   z: () => (/* binding */ parseCondition)
/* harmony export */ });
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48574);

// Longest operators first so `>=` is not read as `>` followed by `=...`.
const LINE = /^\s*([A-Za-z_][\w.]*)\s*(!~=|~=|!=|>=|<=|=|>|<)\s*(.*?)\s*$/;
/** Parses one line; returns an error message (what was expected) when it does not parse. */
function parseCondition(line) {
    const match = LINE.exec(line);
    if (!match) {
        return 'expected FIELD OP VALUE with OP one of =, !=, ~=, !~=, >=, <=, >, < (e.g. Driver=overlay2, NCPU>=2)';
    }
    const [, field, operator, value] = match;
    if (operator === '~=' || operator === '!~=') {
        try {
            new RegExp(value);
        }
        catch (error) {
            return `"${value}" is not a valid regular expression (${error.message})`;
        }
    }
    if (['>=', '<=', '>', '<'].includes(operator) && toComparable(value) === undefined) {
        return `"${value}" is not a number or a version, so ${operator} cannot compare it`;
    }
    return { source: line.trim(), field, operator, value };
}
function evaluateConditions(conditions, info) {
    return conditions.map(condition => evaluateCondition(condition, info));
}
function evaluateCondition(condition, info) {
    const found = lookup(info, condition.field);
    if (found === undefined) {
        return {
            condition,
            passed: condition.operator === '!=' || condition.operator === '!~=',
            actual: '(absent)'
        };
    }
    const values = (Array.isArray(found) ? found : [found]).map(renderValue);
    const actual = Array.isArray(found) ? `[${values.join(', ')}]` : (values[0] ?? '');
    const want = condition.value;
    let passed;
    switch (condition.operator) {
        case '=':
            passed = values.some(v => v.toLowerCase() === want.toLowerCase());
            break;
        case '!=':
            passed = values.every(v => v.toLowerCase() !== want.toLowerCase());
            break;
        case '~=':
            passed = values.some(v => new RegExp(want).test(v));
            break;
        case '!~=':
            passed = values.every(v => !new RegExp(want).test(v));
            break;
        default:
            passed = values.some(v => compare(v, want, condition.operator));
    }
    return { condition, passed, actual };
}
/** Reads a dotted path, matching each key case-insensitively. */
function lookup(root, path) {
    let node = root;
    for (const part of path.split('.')) {
        if (typeof node !== 'object' || node === null || Array.isArray(node))
            return undefined;
        const key = Object.keys(node).find(k => k.toLowerCase() === part.toLowerCase());
        if (key === undefined)
            return undefined;
        node = node[key];
    }
    return node;
}
function renderValue(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
function toComparable(text) {
    if (/^-?\d+(\.\d+)?$/.test(text.trim()) && !/^\d+\.\d+\.\d+/.test(text)) {
        return { kind: 'number', value: Number(text) };
    }
    return (0,_version_js__WEBPACK_IMPORTED_MODULE_0__/* .versionParts */ .V)(text) ? { kind: 'version', value: text } : undefined;
}
function compare(actual, wanted, operator) {
    const a = toComparable(actual);
    const b = toComparable(wanted);
    if (!a || !b)
        return false;
    const order = a.kind === 'number' && b.kind === 'number'
        ? Math.sign(a.value - b.value)
        : (0,_version_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Z)(actual, wanted);
    if (order === undefined)
        return false;
    switch (operator) {
        case '>=':
            return order >= 0;
        case '<=':
            return order <= 0;
        case '>':
            return order > 0;
        case '<':
            return order < 0;
        default:
            return false;
    }
}


/***/ }),

/***/ 48574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ versionParts),
/* harmony export */   Z: () => (/* binding */ compareVersions)
/* harmony export */ });
// Docker versions are not semver: "19.03" has a leading zero (semver.coerce gives up on it), and
// "20.10.24+dfsg1" or "28.2.2-1ubuntu1" carry distribution suffixes. Compare the leading numbers.
/** The leading dotted numbers of a version, or undefined when it starts with none. */
function versionParts(text) {
    const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
    if (!match)
        return undefined;
    return [match[1], match[2], match[3]].map(part => Number(part ?? 0));
}
/** Negative, zero or positive like a comparator; undefined when either is not a version. */
function compareVersions(a, b) {
    const left = versionParts(a);
    const right = versionParts(b);
    if (!left || !right)
        return undefined;
    for (let i = 0; i < 3; i++) {
        const diff = left[i] - right[i];
        if (diff !== 0)
            return Math.sign(diff);
    }
    return 0;
}


/***/ }),

/***/ 33775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mc: () => (/* binding */ INPUTS)
/* harmony export */ });
/* unused harmony exports OUTPUTS, inputDefinition */
// The one definition of every input. action.yml, the CLI's flags (--<name>), `--help` and the README's
// table all come from or are checked against this list (see __tests__/definitions.test.ts).
const INPUTS = [
    // Engine
    {
        name: 'docker-host',
        description: 'Engine endpoint (unix:///path, tcp://host:port, npipe://...). Empty: DOCKER_HOST, else the default socket.',
        default: '',
        kind: 'string'
    },
    {
        name: 'min-docker-version',
        description: 'Fail when the engine (server) version is lower, e.g. `20.10`.',
        default: '',
        kind: 'string'
    },
    {
        name: 'min-api-version',
        description: 'Fail when the engine API version is lower, e.g. `1.41`.',
        default: '',
        kind: 'string'
    },
    {
        name: 'require-info',
        description: 'Conditions on `docker info` fields, one a line: `Driver=overlay2`, `OSType!=windows`, `SecurityOptions~=seccomp` (regex or substring; any element of a list), `NCPU>=2`.',
        default: '',
        kind: 'multiline'
    },
    // Build
    {
        name: 'build',
        description: '`auto` (build when the Dockerfile exists), `true` or `false`.',
        default: 'auto',
        kind: 'string'
    },
    { name: 'context', description: 'Build context directory.', default: '.', kind: 'string' },
    {
        name: 'file',
        description: 'Dockerfile path. Empty: `<context>/Dockerfile`. May lie outside the context.',
        default: '',
        kind: 'string'
    },
    {
        name: 'tags',
        description: 'Image tags, comma or newline separated. Empty: `docker-preflight/<repository>:<short sha>` (`:local` outside Actions).',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'build-args',
        description: 'Build arguments, one `KEY=VALUE` a line.',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'target',
        description: 'Build stage to stop at (multi-stage builds).',
        default: '',
        kind: 'string'
    },
    { name: 'labels', description: 'Image labels, one `KEY=VALUE` a line.', default: '', kind: 'multiline' },
    { name: 'no-cache', description: 'Build without the cache.', default: 'false', kind: 'boolean' },
    {
        name: 'pull',
        description: 'Always pull newer base images when building.',
        default: 'false',
        kind: 'boolean'
    },
    { name: 'platform', description: 'Target platform, e.g. `linux/amd64`.', default: '', kind: 'string' },
    {
        name: 'builder',
        description: '`auto` (BuildKit when the engine supports it), `buildkit` or `classic`.',
        default: 'auto',
        kind: 'string'
    },
    // Smoke
    {
        name: 'smoke',
        description: 'Smoke containers as a YAML list (see README). Empty: `hello-world`, and the built image when there is one.',
        default: '',
        kind: 'multiline'
    },
    {
        name: 'smoke-file',
        description: 'Read the smoke list from this YAML file instead of --smoke.',
        default: '',
        kind: 'string',
        cliOnly: true
    },
    {
        name: 'smoke-timeout',
        description: 'Default time limit of one smoke container, e.g. `60s`, `2m`.',
        default: '60s',
        kind: 'string'
    },
    {
        name: 'smoke-parallel',
        description: 'How many smoke containers run at once.',
        default: '4',
        kind: 'string'
    },
    {
        name: 'pull-policy',
        description: 'Pulling smoke images: `missing`, `always` or `never`.',
        default: 'missing',
        kind: 'string'
    },
    {
        name: 'cleanup',
        description: 'Remove smoke containers (and their anonymous volumes) once judged.',
        default: 'true',
        kind: 'boolean'
    },
    {
        name: 'cleanup-images',
        description: 'In the post step, also remove the images this run built.',
        default: 'false',
        kind: 'boolean'
    },
    // Report
    {
        name: 'report-scope',
        description: '`run` (what this run built, used and ran) or `all` (everything on the engine).',
        default: 'run',
        kind: 'string'
    },
    {
        name: 'report-path',
        description: 'Where to write the JSON report. Empty: `$RUNNER_TEMP/docker-preflight-report.json`.',
        default: '',
        kind: 'string'
    },
    { name: 'summary', description: 'Write the job summary.', default: 'true', kind: 'boolean' },
    {
        name: 'max-image-size',
        description: 'Fail when the built image is larger, e.g. `250MB`, `1.5GiB`.',
        default: '',
        kind: 'string'
    },
    // Audit
    {
        name: 'baseline',
        description: "Path of an earlier run's JSON report to compare engine facts with.",
        default: '',
        kind: 'string'
    },
    {
        name: 'fail-on-drift',
        description: '`none`, `security`, `any`, or a comma or newline list of drift field names.',
        default: 'none',
        kind: 'multiline'
    },
    {
        name: 'disk-usage',
        description: 'Read `/system/df` (images, containers, volumes, build cache) and compare it too.',
        default: 'false',
        kind: 'boolean'
    },
    {
        name: 'json',
        description: 'Print the JSON report on stdout instead of text tables.',
        default: 'false',
        kind: 'boolean',
        cliOnly: true
    }
];
const OUTPUTS = [
    { name: 'docker-version', description: 'Engine (server) version.' },
    { name: 'api-version', description: 'Engine API version.' },
    {
        name: 'client-version',
        description: 'Version of the `docker` CLI on the runner, empty when there is none.'
    },
    { name: 'info', description: 'The engine `/info` reply as JSON.' },
    { name: 'image-id', description: 'ID of the built image.' },
    { name: 'image-tags', description: 'Tags of the built image, comma separated.' },
    { name: 'image-size', description: 'Size of the built image in bytes.' },
    { name: 'build-duration', description: 'Build time in milliseconds.' },
    { name: 'smoke-passed', description: '`true` when every smoke container passed.' },
    {
        name: 'smoke-results',
        description: 'JSON array of `{name, image, passed, exitCode, durationMs, reason}`.'
    },
    { name: 'images', description: 'JSON array of the images in the report.' },
    { name: 'containers', description: 'JSON array of the containers in the report.' },
    { name: 'report', description: 'Path of the JSON report file.' },
    { name: 'drift', description: 'JSON array of engine facts that changed since the baseline.' }
];
function inputDefinition(name) {
    const found = INPUTS.find(input => input.name === name);
    if (!found)
        throw new Error(`no input named ${name}`);
    return found;
}


/***/ }),

/***/ 14581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aF: () => (/* binding */ isValidReference),
  yi: () => (/* binding */ parseDurationMs),
  Ir: () => (/* binding */ parseInputsOrThrow)
});

// UNUSED EXPORTS: defaultTag, lines, parseInputs, parseSize, splitList

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/bytes-iec/index.js
var bytes_iec = __webpack_require__(42921);
var bytes_iec_default = /*#__PURE__*/__webpack_require__.n(bytes_iec);
// EXTERNAL MODULE: ./node_modules/parse-duration/index.js + 1 modules
var parse_duration = __webpack_require__(97595);
// EXTERNAL MODULE: ./src/audit/fields.ts
var audit_fields = __webpack_require__(65546);
// EXTERNAL MODULE: ./src/engine/connect.ts
var connect = __webpack_require__(2688);
// EXTERNAL MODULE: ./src/engine/require-info.ts
var require_info = __webpack_require__(80806);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/smoke/spec.ts
var spec = __webpack_require__(77302);
// EXTERNAL MODULE: ./src/inputs/definitions.ts
var definitions = __webpack_require__(33775);
;// CONCATENATED MODULE: ./src/inputs/problems.ts
function formatProblem(problem) {
    const value = problem.value.length > 80 ? `${problem.value.slice(0, 77)}...` : problem.value;
    return `Input "${problem.input}": ${JSON.stringify(value)} ${problem.expected}`;
}
/** Collects problems; stage parsers push into it so one report lists everything wrong. */
class ProblemList {
    items = [];
    add(input, value, expected) {
        this.items.push({ input, value, expected });
    }
    get empty() {
        return this.items.length === 0;
    }
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts











/**
 * Validates every input at once. Either a Config, or every problem found: nothing is half-parsed and
 * nothing touches the engine here (except reading files the inputs name).
 */
function parseInputs(raw, env) {
    const problems = new ProblemList();
    const get = (name) => {
        const value = raw[name];
        if (value !== undefined)
            return value.trim();
        const def = definitions/* INPUTS */.mc.find(i => i.name === name);
        if (!def)
            throw new Error(`parseInputs: unknown input ${name}`);
        return def.default;
    };
    const bool = (name) => {
        const value = get(name).toLowerCase();
        if (['true', 'yes', '1', 'on'].includes(value))
            return true;
        if (['false', 'no', '0', 'off', ''].includes(value))
            return false;
        problems.add(name, value, 'is not a boolean (expected true or false)');
        return false;
    };
    const oneOf = (name, allowed) => {
        const value = get(name).toLowerCase();
        if (allowed.includes(value))
            return value;
        problems.add(name, value, `is not one of ${allowed.join(', ')}`);
        return allowed[0];
    };
    const duration = (name) => {
        const value = get(name);
        const ms = parseDurationMs(value);
        if (ms === undefined)
            problems.add(name, value, 'is not a duration (expected e.g. 30s, 2m, 1m30s)');
        return ms ?? 0;
    };
    const wholeNumber = (name, min) => {
        const value = get(name);
        const n = Number(value);
        if (!/^\d+$/.test(value) || n < min)
            problems.add(name, value, `is not a whole number of at least ${min}`);
        return n;
    };
    const keyValues = (name) => {
        const result = {};
        for (const line of lines(get(name))) {
            const eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(name, line, 'is not a KEY=VALUE line');
                continue;
            }
            result[line.slice(0, eq).trim()] = line.slice(eq + 1);
        }
        return result;
    };
    // Engine
    const dockerHost = get('docker-host') || undefined;
    if (dockerHost) {
        try {
            (0,connect/* resolveEndpoint */.sO)(dockerHost, {});
        }
        catch (error) {
            problems.add('docker-host', dockerHost, (0,errors/* messageOf */.bD)(error).replace(/^docker-host "[^"]*" /, ''));
        }
    }
    const version = (name) => {
        const value = get(name);
        if (value && !/^\d+(\.\d+){0,2}$/.test(value)) {
            problems.add(name, value, 'is not a version (expected e.g. 20.10 or 1.41)');
        }
        return value || undefined;
    };
    const requireInfo = [];
    for (const line of lines(get('require-info'))) {
        const parsed = (0,require_info/* parseCondition */.z)(line);
        if (typeof parsed === 'string')
            problems.add('require-info', line, parsed);
        else
            requireInfo.push(parsed);
    }
    // Build
    const contextRaw = get('context') || '.';
    const context = (0,external_node_path_.resolve)(env.workspace, contextRaw);
    const buildMode = oneOf('build', ['auto', 'true', 'false']);
    if (buildMode !== 'false' && !isDirectory(context)) {
        problems.add('context', contextRaw, `is not a directory (resolved to ${context})`);
    }
    const fileRaw = get('file');
    const file = fileRaw
        ? (0,external_node_path_.isAbsolute)(fileRaw)
            ? fileRaw
            : (0,external_node_path_.resolve)(env.workspace, fileRaw)
        : (0,external_node_path_.join)(context, 'Dockerfile');
    if (buildMode === 'true' && isDirectory(context) && !(0,external_node_fs_.existsSync)(file)) {
        problems.add(fileRaw ? 'file' : 'context', fileRaw || contextRaw, `has no Dockerfile (looked for ${file})`);
    }
    const tags = splitList(get('tags'));
    for (const tag of tags) {
        if (!isValidReference(tag))
            problems.add('tags', tag, 'is not a valid image reference (e.g. name:tag)');
    }
    if (tags.length === 0)
        tags.push(defaultTag(env));
    // Smoke
    const timeoutMs = duration('smoke-timeout');
    const entries = (0,spec/* parseSmokeList */.xI)(get('smoke'), { timeoutMs }, problems);
    // Report
    const maxImageSize = get('max-image-size');
    let maxImageSizeBytes;
    if (maxImageSize) {
        const parsed = parseSize(maxImageSize);
        if (parsed === undefined)
            problems.add('max-image-size', maxImageSize, 'is not a size (expected e.g. 250MB, 1.5GiB)');
        maxImageSizeBytes = parsed;
    }
    const reportPath = get('report-path');
    // Audit
    const baseline = get('baseline');
    const config = {
        engine: {
            dockerHost,
            minDockerVersion: version('min-docker-version'),
            minApiVersion: version('min-api-version'),
            requireInfo
        },
        build: {
            mode: buildMode,
            context,
            file,
            tags,
            buildArgs: keyValues('build-args'),
            target: get('target') || undefined,
            labels: keyValues('labels'),
            noCache: bool('no-cache'),
            pull: bool('pull'),
            platform: get('platform') || undefined,
            builder: oneOf('builder', ['auto', 'buildkit', 'classic'])
        },
        smoke: {
            entries,
            timeoutMs,
            parallel: wholeNumber('smoke-parallel', 1),
            pullPolicy: oneOf('pull-policy', ['missing', 'always', 'never']),
            cleanup: bool('cleanup')
        },
        report: {
            scope: oneOf('report-scope', ['run', 'all']),
            path: reportPath
                ? (0,external_node_path_.resolve)(env.workspace, reportPath)
                : (0,external_node_path_.join)(env.tempDir, 'docker-preflight-report.json'),
            summary: bool('summary'),
            maxImageSizeBytes
        },
        audit: {
            baseline: baseline ? (0,external_node_path_.resolve)(env.workspace, baseline) : undefined,
            failOnDrift: parseDriftPolicy(get('fail-on-drift'), problems),
            diskUsage: bool('disk-usage')
        },
        cleanupImages: bool('cleanup-images')
    };
    return problems.empty ? { ok: true, config } : { ok: false, problems };
}
/** Throws one PreflightError listing every problem. */
function parseInputsOrThrow(raw, env) {
    const outcome = parseInputs(raw, env);
    if (outcome.ok)
        return outcome.config;
    const list = outcome.problems.items.map(p => `  - ${formatProblem(p)}`).join('\n');
    throw new errors/* PreflightError */.wG(`${outcome.problems.items.length === 1 ? 'An input is' : `${outcome.problems.items.length} inputs are`} invalid:\n${list}`);
}
/** `none`, `security`, `any`, or a list of drift field and group names (src/audit/fields.ts). */
function parseDriftPolicy(text, problems) {
    const items = splitList(text.toLowerCase());
    if (items.length === 0 || (items.length === 1 && items[0] === 'none'))
        return { kind: 'none' };
    if (items.length === 1 && items[0] === 'security')
        return { kind: 'security' };
    if (items.length === 1 && items[0] === 'any')
        return { kind: 'any' };
    // Field names (any case) or group names (`security`, `disk`, ...); see src/audit/fields.ts.
    const fields = new Set();
    for (const item of items) {
        const resolved = (0,audit_fields/* resolveDriftFieldEntry */.sQ)(item);
        if (resolved)
            resolved.forEach(f => fields.add(f));
        else {
            problems.add('fail-on-drift', item, `is not a drift field (expected none, security, any, or a list of: ${audit_fields/* DRIFT_FIELD_NAMES */.yA.join(', ')})`);
        }
    }
    return { kind: 'fields', fields: [...fields] };
}
/** Non-empty trimmed lines. */
function lines(text) {
    return text
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== '' && !l.startsWith('#'));
}
/** A comma or newline separated list. */
function splitList(text) {
    return text
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(Boolean);
}
/** `30s`, `2m`, `1m30s`, `500ms`; a bare number is seconds, like `docker run --stop-timeout`. */
function parseDurationMs(text) {
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Number(trimmed) * 1000;
    if (!/^(\d+(\.\d+)?\s*[a-zµ]+\s*)+$/i.test(trimmed))
        return undefined;
    const ms = (0,parse_duration/* default */.A)(trimmed);
    return ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0 ? undefined : Math.round(ms);
}
/** `250MB` (decimal, like docker), `1.5GiB` (binary), a bare number is bytes. */
function parseSize(text) {
    if (!/^\s*\d+(\.\d+)?\s*([kmgtp]i?b?|b)?\s*$/i.test(text))
        return undefined;
    const parsed = bytes_iec_default().parse(text.trim());
    return parsed === null || !Number.isFinite(parsed) || parsed <= 0 ? undefined : parsed;
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
// A reference as `docker tag` takes it: [registry[:port]/]path[:tag]; lower-case path components.
const REFERENCE = /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;
function isValidReference(reference) {
    return REFERENCE.test(reference);
}
/** docker-preflight/<repository name>:<short sha>, or :local outside Actions. */
function defaultTag(env) {
    const repoName = (env.repository ? (0,external_node_path_.basename)(env.repository) : (0,external_node_path_.basename)(env.workspace)).toLowerCase();
    const name = repoName.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'image';
    const tag = env.actions && env.sha ? env.sha.slice(0, 7) : 'local';
    return `docker-preflight/${name}:${tag}`;
}


/***/ }),

/***/ 94584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ LABEL_RUN),
/* harmony export */   TA: () => (/* binding */ LABEL_MANAGED),
/* harmony export */   os: () => (/* binding */ LABEL_ROLE),
/* harmony export */   xU: () => (/* binding */ runLabels)
/* harmony export */ });
// Labels put on everything the action creates, so the post step (and audits) can find it again.
const LABEL_MANAGED = 'io.docker-preflight.managed';
const LABEL_RUN = 'io.docker-preflight.run';
const LABEL_ROLE = 'io.docker-preflight.role';
function runLabels(runId, role) {
    return { [LABEL_MANAGED]: 'true', [LABEL_RUN]: runId, [LABEL_ROLE]: role };
}


/***/ }),

/***/ 41168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LI: () => (/* binding */ CommandGuard),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   tZ: () => (/* binding */ normalizeLines)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Brackets untrusted text so the Actions runner treats none of it as a workflow command.
 *
 * The runner obeys `::cmd::` at the start of a line and `##[cmd]` anywhere in a line, and it splits lines
 * on `\r` as well as `\n`. While `::stop-commands::TOKEN` is in force it obeys nothing but `::TOKEN::`,
 * and the token is fresh random bytes the untrusted text cannot know.
 */
class CommandGuard {
    token;
    constructor(token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex')) {
        this.token = token;
    }
    get open() {
        return `::stop-commands::${this.token}`;
    }
    get close() {
        return `::${this.token}::`;
    }
    /** Lines ready to print: the guard, the text with line endings normalised, and the resume line. */
    wrap(text) {
        return `${this.open}\n${normalizeLines(text)}\n${this.close}\n`;
    }
}
/** Every `\r\n` and lone `\r` becomes `\n`; a trailing newline is dropped. */
function normalizeLines(text) {
    return text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
}
/** Removes ANSI escape sequences (colours, cursor moves) that a build or container may emit. */
function stripAnsi(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '');
}


/***/ }),

/***/ 13773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/bytes-iec/index.js
var bytes_iec = __webpack_require__(42921);
var bytes_iec_default = /*#__PURE__*/__webpack_require__.n(bytes_iec);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/audit/fields.ts
var fields = __webpack_require__(65546);
;// CONCATENATED MODULE: ./src/audit/drift.ts





/** Disk use drifts all day: only a change of at least this much, and of this share, counts. */
const DISK_DRIFT_MIN_BYTES = 1_000_000_000;
const DISK_DRIFT_MIN_RATIO = 0.2;
/** MemTotal moves by a few kB with kernel updates and memory ballooning; a 1% change counts. */
const MEMORY_DRIFT_MIN_RATIO = 0.01;
/**
 * Compares this run's engine facts with the JSON report of an earlier run (`baseline`). Undefined when no
 * baseline was given. Never throws: a missing or unreadable baseline is reported in the result, and is an
 * error only when `fail-on-drift` asks for a comparison.
 */
async function compareWithBaseline(input) {
    const { baseline, failOnDrift } = input.options;
    if (!baseline)
        return undefined;
    const loaded = await loadBaseline(baseline);
    if (!loaded.ok) {
        const wanted = failOnDrift.kind !== 'none';
        return {
            status: loaded.status,
            baseline,
            message: loaded.message,
            error: wanted ? `${loaded.message}, and fail-on-drift needs a baseline to compare with` : undefined,
            items: [],
            failing: [],
            comparedFields: [],
            notes: []
        };
    }
    const { report } = loaded;
    const was = factValues(report.engine.facts);
    const now = factValues(input.facts);
    const notes = [];
    const items = [];
    const comparedFields = [];
    for (const [name, nowValue] of now) {
        comparedFields.push(name);
        const item = compareValue(name, was.get(name), nowValue);
        if (item)
            items.push(item);
    }
    if (input.options.diskUsage) {
        if (!input.diskUsage)
            notes.push('Disk use was not compared: this run could not read /system/df.');
        else if (!isObject(report.diskUsage)) {
            notes.push('Disk use was not compared: the baseline run did not read it (disk-usage was off).');
        }
        else {
            const wasDisk = summarizeDiskUsage(report.diskUsage);
            const nowDisk = summarizeDiskUsage(input.diskUsage);
            for (const [name, key] of DISK_FIELDS) {
                comparedFields.push(name);
                const item = compareDisk(name, wasDisk[key], nowDisk[key]);
                if (item)
                    items.push(item);
            }
        }
    }
    const wasId = String(report.engine.facts.info.ID ?? '');
    const nowId = String(input.facts.info.ID ?? '');
    if (wasId && nowId && wasId !== nowId) {
        notes.push(`The baseline comes from another engine (ID ${wasId}, host ${String(report.engine.facts.info.Name ?? '?')}); ` +
            'drift may be a difference between machines rather than a change.');
    }
    return {
        status: 'compared',
        baseline,
        items,
        failing: items.filter(item => failsUnder(failOnDrift, item)),
        baselineRun: {
            runId: typeof report.runId === 'string' ? report.runId : undefined,
            finishedAt: typeof report.finishedAt === 'string' ? report.finishedAt : undefined,
            endpoint: typeof report.endpoint === 'string' ? report.endpoint : undefined,
            serverVersion: report.engine.facts.serverVersion
        },
        comparedFields,
        notes
    };
}
/** Whether `fail-on-drift` makes this item fail the step. Disk use never counts as `security`. */
function failsUnder(policy, item) {
    switch (policy.kind) {
        case 'none':
            return false;
        case 'any':
            return true;
        case 'security':
            return item.security && item.group !== 'disk';
        case 'fields':
            return policy.fields.some(f => f.toLowerCase() === item.field.toLowerCase());
    }
}
/** One line for a failure message or a log: `cgroupVersion 2 → 1; seccomp profile=default → absent`. */
function describeDrift(items, maxValue = 60) {
    const short = (s) => {
        const flat = s.replace(/\s+/g, ' ');
        return flat.length > maxValue ? `${flat.slice(0, maxValue - 1)}…` : flat;
    };
    return items
        .map(item => {
        if (item.added || item.removed) {
            const parts = [
                ...(item.added ?? []).map(a => `+${short(a)}`),
                ...(item.removed ?? []).map(r => `-${short(r)}`)
            ];
            return `${item.field} ${parts.join(', ')}`;
        }
        return `${item.field} ${short(item.was)} → ${short(item.now)}`;
    })
        .join('; ');
}
async function loadBaseline(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if ((0,src_errors/* errorCode */.CA)(error) === 'ENOENT') {
            return {
                ok: false,
                status: 'missing',
                message: `No baseline report at ${path} (expected on a first run); engine facts were not compared`
            };
        }
        return {
            ok: false,
            status: 'unreadable',
            message: `Cannot read the baseline ${path}: ${(0,src_errors/* messageOf */.bD)(error)}`
        };
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        return {
            ok: false,
            status: 'unreadable',
            message: `The baseline ${path} is not JSON (${(0,src_errors/* messageOf */.bD)(error)})`
        };
    }
    if (!isObject(parsed) || typeof parsed.schemaVersion !== 'number') {
        return {
            ok: false,
            status: 'unreadable',
            message: `The baseline ${path} is not a docker-preflight JSON report (no schemaVersion)`
        };
    }
    const engine = parsed.engine;
    if (!isObject(engine) || !isObject(engine.facts) || !isObject(engine.facts.info)) {
        return {
            ok: false,
            status: 'unreadable',
            message: `The baseline ${path} has no engine facts (engine.facts.info)`
        };
    }
    return { ok: true, report: parsed };
}
const NOT_REPORTED = '(not reported)';
/** Every non-disk drift field of one engine, in DRIFT_FIELDS order. */
function factValues(facts) {
    const info = isObject(facts.info) ? facts.info : {};
    const version = isObject(facts.version) ? facts.version : {};
    const text = (value) => ({ kind: 'text', text: scalar(value) });
    const set = (items) => ({ kind: 'set', items: [...new Set(items)].sort() });
    const security = parseSecurityOptions(info.SecurityOptions);
    const securityValue = (name) => {
        const options = security.get(name);
        if (options === undefined)
            return text('absent');
        return text(options || 'enabled');
    };
    const registry = isObject(info.RegistryConfig) ? info.RegistryConfig : {};
    const proxy = (value) => {
        const raw = scalar(value);
        return { kind: 'text', text: raw, display: redactCredentials(raw) };
    };
    const os = facts.os || scalar(version.Os ?? info.OSType);
    const arch = facts.arch || scalar(version.Arch ?? info.Architecture);
    const values = {
        serverVersion: text(facts.serverVersion || version.Version || info.ServerVersion),
        apiVersion: text(facts.apiVersion || version.ApiVersion),
        storageDriver: text(info.Driver),
        backingFilesystem: text(driverStatus(info.DriverStatus, 'Backing Filesystem')),
        cgroupDriver: text(info.CgroupDriver),
        cgroupVersion: text(info.CgroupVersion),
        defaultRuntime: text(info.DefaultRuntime),
        runtimes: set(isObject(info.Runtimes) ? Object.keys(info.Runtimes) : []),
        seccomp: securityValue('seccomp'),
        apparmor: securityValue('apparmor'),
        selinux: securityValue('selinux'),
        rootless: securityValue('rootless'),
        userns: securityValue('userns'),
        securityOptions: set([...security]
            .filter(([name]) => !NAMED_SECURITY_OPTIONS.includes(name))
            .map(([name, options]) => (options ? `${name} (${options})` : name))),
        registryMirrors: set(stringList(registry.Mirrors).map(redactCredentials)),
        insecureRegistries: set(insecureRegistries(registry)),
        httpProxy: proxy(info.HttpProxy),
        httpsProxy: proxy(info.HttpsProxy),
        noProxy: proxy(info.NoProxy),
        loggingDriver: text(info.LoggingDriver),
        liveRestore: text(info.LiveRestoreEnabled),
        osArch: text(os || arch ? `${os}/${arch}` : ''),
        operatingSystem: text(info.OperatingSystem),
        kernelVersion: text(facts.kernelVersion || version.KernelVersion || info.KernelVersion),
        cpus: text(info.NCPU),
        memory: {
            kind: 'number',
            value: typeof info.MemTotal === 'number' ? info.MemTotal : undefined,
            minRatio: MEMORY_DRIFT_MIN_RATIO,
            format: formatBytes
        },
        // The daemon wraps its warnings over several indented lines; compare them as sentences.
        warnings: set(stringList(info.Warnings).map(w => w.replace(/\s+/g, ' ').trim()))
    };
    return new Map(fields/* DRIFT_FIELDS */.GS.filter(f => f.name in values).map(f => [f.name, values[f.name]]));
}
function compareValue(name, was, now) {
    const def = (0,fields/* driftField */.au)(name);
    const base = { field: name, label: def.label, group: def.group, security: def.security };
    if (now.kind === 'set') {
        const before = was?.kind === 'set' ? was.items : [];
        const added = now.items.filter(i => !before.includes(i));
        const removed = before.filter(i => !now.items.includes(i));
        if (added.length === 0 && removed.length === 0)
            return undefined;
        return {
            ...base,
            was: before.join(', ') || 'none',
            now: now.items.join(', ') || 'none',
            ...(added.length ? { added } : {}),
            ...(removed.length ? { removed } : {})
        };
    }
    if (now.kind === 'number') {
        const before = was?.kind === 'number' ? was.value : undefined;
        if (before === now.value)
            return undefined;
        if (before !== undefined && now.value !== undefined) {
            const change = Math.abs(now.value - before);
            if (change < now.minRatio * Math.max(before, 1))
                return undefined;
        }
        const show = (n) => (n === undefined ? NOT_REPORTED : now.format(n));
        return { ...base, was: show(before), now: show(now.value) };
    }
    const before = was?.kind === 'text' ? was : { kind: 'text', text: '' };
    if (before.text === now.text)
        return undefined;
    const show = (v) => (v.display ?? v.text) || NOT_REPORTED;
    let nowText = show(now);
    // Only a redacted part (proxy credentials) changed: say so without showing either.
    if (show(before) === nowText)
        nowText = `${nowText} (credentials changed)`;
    return { ...base, was: show(before), now: nowText };
}
const NAMED_SECURITY_OPTIONS = ['seccomp', 'apparmor', 'selinux', 'rootless', 'userns'];
/**
 * `["name=seccomp,profile=default", "name=rootless"]` → seccomp → `profile=default`, rootless → ``.
 * Engines before API 1.26 listed bare names (`seccomp`); those parse as names without options.
 */
function parseSecurityOptions(list) {
    const result = new Map();
    for (const entry of stringList(list)) {
        const pairs = entry.split(',').map(p => p.trim());
        const named = pairs.find(p => p.startsWith('name='));
        if (!named) {
            result.set(entry.trim(), '');
            continue;
        }
        const others = pairs.filter(p => p !== named && p !== '');
        result.set(named.slice('name='.length), others.join(','));
    }
    return result;
}
/** As `docker info` lists them: insecure CIDRs, and registries whose index config is not secure. */
function insecureRegistries(registry) {
    const cidrs = stringList(registry.InsecureRegistryCIDRs);
    const indexes = isObject(registry.IndexConfigs) ? Object.values(registry.IndexConfigs) : [];
    const names = indexes.filter(isObject).filter(i => i.Secure === false);
    return [...cidrs, ...names.map(i => scalar(i.Name))];
}
function driverStatus(status, key) {
    if (!Array.isArray(status))
        return '';
    const pair = status.find(p => Array.isArray(p) && p[0] === key);
    return pair ? scalar(pair[1]) : '';
}
/**
 * Proxy settings may carry credentials (`http://user:secret@proxy:3128`). Every part before the host's
 * `@` becomes `***`, so drift items, logs, summaries and outputs never show them. (dockerd masks URL
 * credentials as `xxxxx:xxxxx` itself; not `user:pass@host` without a scheme, nor a baseline edited by hand.)
 */
function redactCredentials(value) {
    return value
        .split(/([,\s]+)/)
        .map(token => {
        const at = token.lastIndexOf('@');
        if (at < 0)
            return token;
        const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(token)?.[0] ?? '';
        if (at < scheme.length)
            return token;
        return `${scheme}***@${token.slice(at + 1)}`;
    })
        .join('');
}
const DISK_FIELDS = [
    ['diskImages', 'images'],
    ['diskContainers', 'containers'],
    ['diskVolumes', 'volumes'],
    ['diskBuildCache', 'buildCache'],
    ['diskReclaimable', 'reclaimable']
];
/** Totals from a raw `/system/df` reply. */
function summarizeDiskUsage(df) {
    const list = (value) => Array.isArray(value) ? value.filter(isObject) : [];
    const num = (value) => (typeof value === 'number' && value > 0 ? value : 0);
    const images = list(df.Images);
    const containers = list(df.Containers);
    const volumes = list(df.Volumes);
    const cache = list(df.BuildCache);
    const imagesTotal = num(df.LayersSize) || images.reduce((sum, i) => sum + num(i.Size), 0);
    const imagesUsed = images
        .filter(i => num(i.Containers) > 0)
        .reduce((sum, i) => sum + Math.max(0, num(i.Size) - num(i.SharedSize)), 0);
    const containersTotal = containers.reduce((sum, c) => sum + num(c.SizeRw), 0);
    const containersReclaimable = containers
        .filter(c => c.State !== 'running' && c.State !== 'paused' && c.State !== 'restarting')
        .reduce((sum, c) => sum + num(c.SizeRw), 0);
    const volumeSize = (v) => num(isObject(v.UsageData) ? v.UsageData.Size : 0);
    const volumeRefs = (v) => num(isObject(v.UsageData) ? v.UsageData.RefCount : 0);
    const volumesTotal = volumes.reduce((sum, v) => sum + volumeSize(v), 0);
    const volumesReclaimable = volumes
        .filter(v => volumeRefs(v) === 0)
        .reduce((sum, v) => sum + volumeSize(v), 0);
    const cacheTotal = cache.reduce((sum, c) => sum + (c.Shared === true ? 0 : num(c.Size)), 0);
    const cacheReclaimable = cache
        .filter(c => c.InUse !== true && c.Shared !== true)
        .reduce((sum, c) => sum + num(c.Size), 0);
    return {
        images: imagesTotal,
        containers: containersTotal,
        volumes: volumesTotal,
        buildCache: cacheTotal,
        reclaimable: Math.max(0, imagesTotal - imagesUsed) + containersReclaimable + volumesReclaimable + cacheReclaimable
    };
}
function compareDisk(name, was, now) {
    const change = Math.abs(now - was);
    if (change < DISK_DRIFT_MIN_BYTES || change < DISK_DRIFT_MIN_RATIO * Math.max(was, 1))
        return undefined;
    const def = (0,fields/* driftField */.au)(name);
    const sign = now > was ? '+' : '−';
    return {
        field: name,
        label: def.label,
        group: def.group,
        security: false,
        was: formatBytes(was),
        now: `${formatBytes(now)} (${sign}${formatBytes(change)})`
    };
}
// ---------------------------------------------------------------------------------------------------------
function formatBytes(n) {
    return bytes_iec_default().format(n, { mode: 'metric', decimalPlaces: 1, unitSeparator: ' ' }) ?? String(n);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function scalar(value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return JSON.stringify(value);
}
function stringList(value) {
    return Array.isArray(value) ? value.filter(v => v !== null && v !== undefined).map(v => scalar(v)) : [];
}

// EXTERNAL MODULE: ./src/audit/leftovers.ts
var audit_leftovers = __webpack_require__(69423);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/engine/api.ts
var api = __webpack_require__(76750);
;// CONCATENATED MODULE: ./src/engine/reply.ts

/** Error codes that mean the engine went away under a call, not that it refused what was asked. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ENOENT']);
/**
 * What the engine said when a call failed, in one line for a person: its own JSON message without
 * docker-modem's "(HTTP code 404) no such container - " prefix; a connection that dropped (the daemon
 * died or restarted) says so, naming what was being done.
 */
function engineMessage(error, doing) {
    if (connectionLost(error)) {
        return `the connection to the Docker engine was lost ${doing} (did the Docker daemon stop or restart?)`;
    }
    const json = error?.json;
    if (json && typeof json.message === 'string')
        return json.message.trim();
    return (0,src_errors/* messageOf */.bD)(error)
        .replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '')
        .trim();
}
/** True when the call failed because the connection to the engine dropped or could not be made. */
function connectionLost(error) {
    const message = (0,src_errors/* messageOf */.bD)(error);
    return (CONNECTION_LOST.has(String((0,src_errors/* errorCode */.CA)(error))) || message === 'aborted' || message === 'socket hang up');
}

// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(50970);
// EXTERNAL MODULE: ./src/engine/version.ts
var engine_version = __webpack_require__(48574);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./node_modules/@balena/dockerignore/ignore.js
var ignore = __webpack_require__(44158);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
;// CONCATENATED MODULE: ./src/build/ignore.ts
// .dockerignore rules, matched the way Docker matches them. @balena/dockerignore is a port of moby's
// matcher (patterns, `**`, `!` exceptions, last match wins, a pattern matching a parent directory
// matches everything under it); this module adds what a walker needs on top: whether a whole directory
// can be skipped without losing a `!` re-include somewhere inside it.


/** Rules from the text of a .dockerignore (undefined or empty: nothing is ignored). */
function parseIgnoreRules(text) {
    const lines = (text ?? '').split(/\r?\n/);
    // Docker on Linux matches case-sensitively; the library's default is case-insensitive.
    // The typings declare an ES default export; at run time that is `module.exports.default` (the same function).
    const matcher = ignore_default()["default"]({ ignorecase: false }).add(lines);
    const exceptions = lines.map(exceptionPattern).filter((p) => p !== undefined);
    return {
        ignores: path => matcher.ignores(path),
        canPrune: dir => !exceptions.some(pattern => couldMatchWithin(pattern, dir))
    };
}
/** The cleaned pattern of a `!` line, as moby's dockerignore reader cleans it; undefined otherwise. */
function exceptionPattern(line) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('!'))
        return undefined;
    let pattern = trimmed.slice(1).trim();
    if (pattern === '')
        return undefined;
    pattern = external_node_path_.posix.normalize(pattern).replace(/(?<=.)\/$/, '');
    if (pattern.length > 1 && pattern.startsWith('/'))
        pattern = pattern.slice(1);
    return pattern;
}
/**
 * Could `pattern` match `dir`, a path below it, or one of its parents? Compared a path segment at a
 * time: `**` can stand for any number of segments, so from there on anything could match; a segment
 * with wildcards is tested as a glob; a literal segment must be equal.
 */
function couldMatchWithin(pattern, dir) {
    const patternSegments = pattern.split('/');
    const dirSegments = dir.split('/');
    for (let i = 0; i < dirSegments.length; i++) {
        const segment = patternSegments[i];
        // The pattern names a parent of dir: files below match it through their parent.
        if (segment === undefined)
            return true;
        if (segment.includes('**'))
            return true;
        if (!segmentRegExp(segment).test(dirSegments[i]))
            return false;
    }
    return true;
}
/** One path segment of a pattern as a RegExp (`*`, `?`, `[...]`, `\` escapes), as Go's filepath.Match. */
function segmentRegExp(segment) {
    let source = '^';
    for (let i = 0; i < segment.length; i++) {
        const ch = segment[i];
        if (ch === '*')
            source += '[^/]*';
        else if (ch === '?')
            source += '[^/]';
        else if (ch === '\\' && i + 1 < segment.length)
            source += escapeRegExp(segment[++i]);
        else if (ch === '[') {
            const end = segment.indexOf(']', i + 1);
            if (end === -1)
                source += '\\[';
            else {
                source += `[${segment.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
                i = end;
            }
        }
        else
            source += escapeRegExp(ch);
    }
    try {
        return new RegExp(`${source}$`);
    }
    catch {
        // A malformed class: assume it could match, so the directory is walked rather than pruned.
        return /^/;
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/build/context.ts
// The build context as a tar stream, packed here rather than by dockerode: its {context, src} path hands
// the ignore callback absolute paths that never match, and the engine does not filter a raw tar, so
// ignored files would end up in the image. Files are streamed one at a time (backpressure from the
// request), so a context of any size is never held in memory.







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
    const pack = tar_stream.pack();
    const fromContext = (0,external_node_path_.relative)(context, dockerfile);
    const outside = fromContext === '' || fromContext.startsWith('..') || (0,external_node_path_.isAbsolute)(fromContext);
    const dockerfileName = outside
        ? `.docker-preflight-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.Dockerfile`
        : fromContext.split(external_node_path_.sep).join('/');
    const alwaysSent = new Set(outside ? ['.dockerignore'] : ['.dockerignore', dockerfileName]);
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
    const prepare = async (name, absolute, follow = false) => {
        const info = follow ? await (0,promises_.stat)(absolute) : await (0,promises_.lstat)(absolute);
        const small = info.isFile() && info.size <= SMALL_FILE;
        return { name, absolute, info, content: small ? await (0,promises_.readFile)(absolute) : undefined };
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
            pack.entry({ ...header, type: 'symlink', linkname: await (0,promises_.readlink)(absolute) });
        }
        else if (content) {
            // The callback comes once the entry is in the pack's buffer: that is the backpressure.
            await new Promise((resolve, reject) => pack.entry({ ...header, type: 'file', size: content.length }, content, error => error ? reject(error) : resolve()));
            stats.files++;
            stats.bytes += content.length;
        }
        else if (info.isFile()) {
            const entry = pack.entry({ ...header, type: 'file', size: info.size });
            reading = (0,external_node_fs_.createReadStream)(absolute);
            await (0,external_node_stream_promises_.pipeline)(reading, entry);
            reading = undefined;
            stats.files++;
            stats.bytes += info.size;
        }
        // Sockets, FIFOs and devices are not sent (the docker CLI skips sockets; the others cannot be read).
    };
    /** The context's entries to send, in tar order, with what .dockerignore leaves out counted and skipped. */
    async function* walk(dir, rules) {
        const entries = (await (0,promises_.readdir)((0,external_node_path_.join)(context, dir), { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
        for (const entry of entries) {
            if (signal?.aborted || pack.destroyed)
                throw new Error('packing the build context was stopped');
            const rel = dir ? `${dir}/${entry.name}` : entry.name;
            const excluded = rules.ignores(rel) && !alwaysSent.has(rel);
            if (entry.isDirectory()) {
                if (excluded) {
                    const keepsSomething = [...alwaysSent].some(path => path.startsWith(`${rel}/`));
                    if (!keepsSomething && rules.canPrune(rel)) {
                        stats.ignored++;
                        continue;
                    }
                }
                else {
                    yield rel;
                }
                yield* walk(rel, rules);
            }
            else if (excluded) {
                stats.ignored++;
            }
            else {
                yield rel;
            }
        }
    }
    const done = (async () => {
        const ignoreText = await readOptional((0,external_node_path_.join)(context, '.dockerignore'));
        const ahead = [];
        const enqueue = (name, absolute, follow) => {
            const prepared = prepare(name, absolute, follow);
            prepared.catch(() => { }); // awaited in turn below; this only keeps it from counting as unhandled
            ahead.push(prepared);
        };
        for await (const rel of walk('', parseIgnoreRules(ignoreText))) {
            enqueue(rel, (0,external_node_path_.join)(context, rel));
            if (ahead.length >= READ_AHEAD)
                await write(await ahead.shift());
        }
        if (outside)
            enqueue(dockerfileName, dockerfile, true); // -f may name a symlink: send what it points at
        while (ahead.length > 0)
            await write(await ahead.shift());
        finished = true;
        pack.finalize();
        return stats;
    })();
    done.catch((error) => pack.destroy(error));
    signal?.addEventListener('abort', () => pack.destroy(), { once: true });
    return { stream: pack, dockerfileName, done };
}
async function readOptional(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(81260);
;// CONCATENATED MODULE: ./src/build/credentials.ts
// Registry credentials for pulling base images, found where the docker CLI finds them:
// $DOCKER_CONFIG/config.json (else ~/.docker/config.json), `credHelpers` per registry, then
// `credsStore`, then inline `auths`. So a workflow that ran docker/login-action can build from a
// private base. Secrets are returned to the caller and never logged.




const HUB = 'docker.io';
const HUB_SERVER = 'https://index.docker.io/v1/';
/** The registry host of an image reference; `docker.io` for Docker Hub. */
function registryOf(reference) {
    const slash = reference.indexOf('/');
    if (slash === -1)
        return HUB;
    const first = reference.slice(0, slash);
    if (!first.includes('.') && !first.includes(':') && first !== 'localhost')
        return HUB;
    return ['index.docker.io', 'registry-1.docker.io'].includes(first) ? HUB : first;
}
/** The directory the docker CLI reads config.json from. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
}
/**
 * Credentials for each registry that has some configured. Registries with none are left out (anonymous
 * pulls). A missing or unreadable config.json means no credentials; a helper that fails is skipped.
 */
async function findCredentials(registries, env, runHelper = runCredentialHelper) {
    const config = await readConfig((0,external_node_path_.join)(dockerConfigDir(env), 'config.json'));
    if (!config)
        return [];
    const found = [];
    for (const registry of [...new Set(registries)]) {
        const serverAddress = registry === HUB ? HUB_SERVER : registry;
        const helper = lookup(config.credHelpers, registry)?.[1] ?? config.credsStore;
        if (helper) {
            const auth = parseHelperOutput(await runHelper(helper, serverAddress), serverAddress);
            if (auth) {
                found.push({ registry, auth, source: `docker-credential-${helper}` });
                continue;
            }
        }
        const entry = lookup(config.auths, registry);
        if (entry) {
            const auth = fromAuthsEntry(entry[1], serverAddress);
            if (auth)
                found.push({ registry, auth, source: `auths["${entry[0]}"] in config.json` });
        }
    }
    return found;
}
/** The X-Registry-Config value for the classic builder: credentials keyed by registry. */
function registryConfig(found) {
    return Object.fromEntries(found.map(f => [f.auth.serveraddress, f.auth]));
}
async function readConfig(path) {
    try {
        return JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** A config entry for the registry: keys may be bare hosts or URLs (`https://index.docker.io/v1/`). */
function lookup(map, registry) {
    if (!map)
        return undefined;
    return Object.entries(map).find(([key]) => hostOf(key) === registry);
}
function hostOf(key) {
    const host = key
        .replace(/^[a-z]+:\/\//i, '')
        .split('/')[0]
        .toLowerCase();
    return ['index.docker.io', 'registry-1.docker.io', 'docker.io'].includes(host) ? HUB : host;
}
function fromAuthsEntry(entry, serveraddress) {
    if (entry.identitytoken)
        return { serveraddress, username: entry.username, identitytoken: entry.identitytoken };
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0)
            return { serveraddress, username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username && entry.password)
        return { serveraddress, username: entry.username, password: entry.password };
    return undefined;
}
/** Helper protocol: `{"ServerURL": ..., "Username": ..., "Secret": ...}`; Username `<token>` = identity token. */
function parseHelperOutput(output, serveraddress) {
    if (!output)
        return undefined;
    try {
        const parsed = JSON.parse(output);
        if (!parsed.Secret)
            return undefined;
        if (parsed.Username === '<token>')
            return { serveraddress, identitytoken: parsed.Secret };
        return { serveraddress, username: parsed.Username, password: parsed.Secret };
    }
    catch {
        return undefined;
    }
}
const runCredentialHelper = async (helper, serverAddress) => {
    try {
        const result = await exec/* getExecOutput */.H(`docker-credential-${helper}`, ['get'], {
            input: Buffer.from(serverAddress),
            silent: true,
            ignoreReturnCode: true
        });
        return result.exitCode === 0 ? result.stdout : undefined;
    }
    catch {
        return undefined; // helper not installed
    }
};

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/build/dockerfile.ts
// What the build stage needs to know about the Dockerfile: its stages and instructions with their
// lines, so a builder's step ("Step 7/9 : RUN make", "[build 3/5] RUN make") can be mapped back to the
// line a developer should look at. Parsing (escape directive, continuations, comments) is dockerfile-ast's.

// BuildKit numbers only the instructions that become build steps: "[2/3]" counts these within a stage.
const STEP_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);
function parseDockerfile(text) {
    const document = main.DockerfileParser.parse(text);
    const instructions = [];
    const stages = [];
    for (const parsed of document.getInstructions()) {
        const keyword = parsed.getKeyword().toUpperCase();
        const instruction = {
            keyword,
            text: collapse(parsed.toString()),
            line: parsed.getRange().start.line + 1,
            stage: keyword === 'FROM' ? stages.length : stages.length - 1
        };
        instructions.push(instruction);
        if (keyword === 'FROM') {
            const args = parsed.getArguments().map(a => a.getValue());
            const asIndex = args.findIndex(a => a.toLowerCase() === 'as');
            // FROM [--platform=...] image [AS name]
            const positional = args.filter(a => !a.startsWith('--'));
            stages.push({
                index: stages.length,
                name: asIndex >= 0 && args[asIndex + 1] ? args[asIndex + 1].toLowerCase() : undefined,
                image: positional[0] ?? '',
                from: instruction,
                instructions: [instruction]
            });
        }
        else if (instruction.stage >= 0) {
            stages[instruction.stage].instructions.push(instruction);
        }
    }
    return { instructions, stages };
}
/** Classic builder: "Step N/M : TEXT" counts every instruction in the file, ARGs before FROM included. */
function locateClassicStep(dockerfile, step, text) {
    const wanted = comparable(text);
    const byNumber = dockerfile.instructions[step - 1];
    if (byNumber && comparable(byNumber.text) === wanted)
        return byNumber;
    // Not in the file at all: the classic builder appends a LABEL step per `labels` build option.
    return dockerfile.instructions.find(i => comparable(i.text) === wanted);
}
/** Splits a BuildKit vertex name "[stage 2/3] RUN make" into its parts; undefined for other vertices. */
function parseVertexName(name) {
    const match = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (.+)$/s.exec(name);
    if (!match)
        return undefined;
    return { stage: match[1], index: Number(match[2]), total: Number(match[3]), text: match[4] };
}
/** BuildKit: the instruction behind a vertex named "[stage i/n] TEXT". */
function locateVertex(dockerfile, name) {
    const vertex = parseVertexName(name);
    if (!vertex)
        return undefined;
    const stage = findStage(dockerfile, vertex.stage);
    const keyword = vertex.text.split(/\s/, 1)[0].toUpperCase();
    const wanted = comparable(vertex.text);
    if (stage) {
        // BuildKit prints FROM with the image resolved ("docker.io/library/busybox:latest"): the stage's FROM.
        if (keyword === 'FROM')
            return stage.from;
        const steps = stage.instructions.filter(i => STEP_KEYWORDS.has(i.keyword));
        const byIndex = steps[vertex.index - 1];
        if (byIndex && comparable(byIndex.text) === wanted)
            return byIndex;
        return stage.instructions.find(i => comparable(i.text) === wanted) ?? byIndex;
    }
    return dockerfile.instructions.find(i => comparable(i.text) === wanted);
}
function findStage(dockerfile, label) {
    const { stages } = dockerfile;
    if (label === undefined)
        return stages.length === 1 ? stages[0] : undefined;
    const lower = label.toLowerCase();
    const named = stages.find(s => s.name === lower);
    if (named)
        return named;
    const numbered = /^stage-(\d+)$/.exec(lower);
    return numbered ? stages[Number(numbered[1])] : undefined;
}
/** The line an engine names in a Dockerfile syntax error ("dockerfile parse error line 3", "Dockerfile:3"). */
function lineInMessage(message) {
    const match = /parse error (?:on )?line (\d+)/i.exec(message) ?? /Dockerfile[\w.-]*:(\d+)\b/i.exec(message);
    return match ? Number(match[1]) : undefined;
}
/** The instruction that starts at (or spans) a line. */
function instructionAtLine(dockerfile, line) {
    let found;
    for (const instruction of dockerfile.instructions) {
        if (instruction.line <= line)
            found = instruction;
    }
    return found && found.line === line ? found : undefined;
}
/**
 * The base images the build may pull, with ARGs expanded (defaults of ARGs before the first FROM,
 * overridden by build-args). FROMs naming an earlier stage are left out.
 */
function baseImages(dockerfile, buildArgs) {
    const args = {};
    for (const instruction of dockerfile.instructions) {
        if (instruction.stage !== -1 || instruction.keyword !== 'ARG')
            continue;
        const [name, ...value] = instruction.text.replace(/^ARG\s+/i, '').split('=');
        if (name)
            args[name.trim()] = value.join('=');
    }
    Object.assign(args, buildArgs);
    const images = [];
    const stageNames = new Set();
    for (const stage of dockerfile.stages) {
        const image = expandArgs(stage.image, args);
        if (image && !stageNames.has(image.toLowerCase()) && image !== 'scratch')
            images.push(image);
        if (stage.name)
            stageNames.add(stage.name);
    }
    return [...new Set(images)];
}
/** The stage whose base image is `reference` (compared in normalised form), for "base image not found". */
function stageWithBase(dockerfile, reference, buildArgs) {
    const wanted = normalizeReference(reference);
    const images = baseImages(dockerfile, buildArgs);
    const image = images.find(i => normalizeReference(i) === wanted);
    if (!image)
        return undefined;
    return dockerfile.stages.find(s => s.image === image) ?? dockerfile.stages.find(s => s.image.includes('$'));
}
/** `busybox` → `docker.io/library/busybox:latest`; a digest or tag is kept. */
function normalizeReference(reference) {
    let ref = reference.trim();
    const firstSlash = ref.indexOf('/');
    const first = firstSlash === -1 ? '' : ref.slice(0, firstSlash);
    const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
    if (!hasRegistry)
        ref = `docker.io/${firstSlash === -1 ? `library/${ref}` : ref}`;
    const lastSegment = ref.slice(ref.lastIndexOf('/') + 1);
    if (!lastSegment.includes(':') && !lastSegment.includes('@'))
        ref += ':latest';
    return ref;
}
function expandArgs(text, args) {
    return text.replace(/\$\{(\w+)(?::?([-+])([^}]*))?\}|\$(\w+)/g, (_all, braced, op, word, bare) => {
        const value = args[(braced ?? bare)];
        if (op === '-')
            return value ? value : word;
        if (op === '+')
            return value ? word : '';
        return value ?? '';
    });
}
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** Text for comparing an instruction printed by a builder with one parsed here. */
function comparable(text) {
    const collapsed = collapse(text);
    const space = collapsed.indexOf(' ');
    return space === -1
        ? collapsed.toUpperCase()
        : collapsed.slice(0, space).toUpperCase() + collapsed.slice(space);
}

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ./src/lines.ts

/** Splits chunks into complete lines, holding a partial line (and a split UTF-8 character) until it ends. */
class LineSplitter {
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    pending = '';
    push(chunk) {
        this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
        const lines = this.pending.split('\n');
        this.pending = lines.pop() ?? '';
        return lines;
    }
    /** What is left at the end of the stream. */
    end() {
        const rest = this.pending + this.decoder.end();
        this.pending = '';
        return rest === '' ? [] : [rest];
    }
}

// EXTERNAL MODULE: ./node_modules/protobufjs/index.js
var protobufjs = __webpack_require__(23928);
var protobufjs_default = /*#__PURE__*/__webpack_require__.n(protobufjs);
;// CONCATENATED MODULE: ./src/build/events.ts
// The build endpoint answers with newline-delimited JSON. Both builders' events are classified here;
// BuildKit's arrive as `moby.buildkit.trace` events whose `aux` is a base64 protobuf StatusResponse,
// which dockerode 5.0.1 passes through undecoded. The stream is parsed here rather than with
// modem.followProgress, which throws on a line that is not JSON and reports a failed build as success.


/** Every event of a build response stream, in order. Blank lines are skipped. */
async function* buildEvents(stream) {
    const splitter = new LineSplitter();
    for await (const chunk of stream) {
        for (const line of splitter.push(chunk))
            yield* parseLine(line);
    }
    for (const line of splitter.end())
        yield* parseLine(line);
}
/** The events in one line of the response (usually one; none for a blank line). */
function parseLine(line) {
    const trimmed = line.trim();
    if (trimmed === '')
        return [];
    let json;
    try {
        json = JSON.parse(trimmed);
    }
    catch {
        return [{ kind: 'text', text: line.replace(/\r$/, '') }];
    }
    if (typeof json !== 'object' || json === null)
        return [{ kind: 'text', text: trimmed }];
    return [classify(json)];
}
function classify(event) {
    const detail = event.errorDetail;
    if (event.error !== undefined || detail !== undefined) {
        const message = String(detail?.message ?? event.error ?? 'the build failed');
        return { kind: 'error', message, code: typeof detail?.code === 'number' ? detail.code : undefined };
    }
    if (event.id === 'moby.buildkit.trace' && typeof event.aux === 'string') {
        return { kind: 'trace', status: decodeBuildKitStatus(event.aux) };
    }
    const aux = event.aux;
    if (aux && typeof aux.ID === 'string')
        return { kind: 'image', id: aux.ID };
    if (typeof event.stream === 'string')
        return { kind: 'stream', text: event.stream };
    if (typeof event.status === 'string') {
        const progress = event.progressDetail;
        return {
            kind: 'pull',
            status: event.status,
            id: typeof event.id === 'string' ? event.id : undefined,
            current: typeof progress?.current === 'number' ? progress.current : undefined,
            total: typeof progress?.total === 'number' ? progress.total : undefined
        };
    }
    return { kind: 'text', text: JSON.stringify(event) };
}
// moby.buildkit.v1.StatusResponse, the fields this module reads (buildkit api/services/control).
// Defined inline rather than loaded from a .proto file so the bundle needs no file at run time.
const timestamp = { fields: { seconds: { type: 'int64', id: 1 }, nanos: { type: 'int32', id: 2 } } };
const StatusResponse = protobufjs_default().Root.fromJSON({
    nested: {
        Timestamp: timestamp,
        Vertex: {
            fields: {
                digest: { type: 'string', id: 1 },
                inputs: { rule: 'repeated', type: 'string', id: 2 },
                name: { type: 'string', id: 3 },
                cached: { type: 'bool', id: 4 },
                started: { type: 'Timestamp', id: 5 },
                completed: { type: 'Timestamp', id: 6 },
                error: { type: 'string', id: 7 }
            }
        },
        VertexStatus: {
            fields: {
                ID: { type: 'string', id: 1 },
                vertex: { type: 'string', id: 2 },
                name: { type: 'string', id: 3 },
                current: { type: 'int64', id: 4 },
                total: { type: 'int64', id: 5 },
                timestamp: { type: 'Timestamp', id: 6 },
                started: { type: 'Timestamp', id: 7 },
                completed: { type: 'Timestamp', id: 8 }
            }
        },
        VertexLog: {
            fields: {
                vertex: { type: 'string', id: 1 },
                timestamp: { type: 'Timestamp', id: 2 },
                stream: { type: 'int64', id: 3 },
                msg: { type: 'bytes', id: 4 }
            }
        },
        VertexWarning: {
            fields: {
                vertex: { type: 'string', id: 1 },
                level: { type: 'int64', id: 2 },
                short: { type: 'bytes', id: 3 }
            }
        },
        StatusResponse: {
            fields: {
                vertexes: { rule: 'repeated', type: 'Vertex', id: 1 },
                statuses: { rule: 'repeated', type: 'VertexStatus', id: 2 },
                logs: { rule: 'repeated', type: 'VertexLog', id: 3 },
                warnings: { rule: 'repeated', type: 'VertexWarning', id: 4 }
            }
        }
    }
}).lookupType('StatusResponse');
/** Decodes the base64 protobuf of a `moby.buildkit.trace` event. A malformed one decodes to nothing. */
function decodeBuildKitStatus(base64) {
    let raw;
    try {
        const message = StatusResponse.decode(Buffer.from(base64, 'base64'));
        raw = StatusResponse.toObject(message, { longs: Number });
    }
    catch {
        return { vertexes: [], statuses: [], logs: [], warnings: [] };
    }
    return {
        vertexes: (raw.vertexes ?? []).map(v => ({
            digest: v.digest ?? '',
            name: v.name ?? '',
            cached: v.cached ?? false,
            started: v.started !== undefined,
            completed: v.completed !== undefined,
            error: v.error || undefined
        })),
        statuses: (raw.statuses ?? []).map(s => ({
            id: s.ID ?? '',
            vertex: s.vertex ?? '',
            name: s.name ?? '',
            current: s.current ?? 0,
            total: s.total ?? 0,
            completed: s.completed !== undefined
        })),
        logs: (raw.logs ?? []).map(l => ({
            vertex: l.vertex ?? '',
            text: Buffer.from(l.msg ?? []).toString('utf8')
        })),
        warnings: (raw.warnings ?? []).map(w => Buffer.from(w.short ?? []).toString('utf8'))
    };
}

;// CONCATENATED MODULE: ./src/build/progress.ts
// Turns build events into a compact log and into facts: the steps (with cached flags and Dockerfile
// lines), the image ID, the error, the step that failed, and what the classic builder left on the
// engine. Every line written here is untrusted (it is the build's output) and goes to one
// UntrustedBlock; the last lines are kept for the failure summary.


const TAIL_LINES = 30;
const HEARTBEAT_MS = 5_000;
// BuildKit bookkeeping vertices that say nothing to a developer.
const QUIET_VERTICES = [
    /^\[internal\] load remote build context$/,
    /^copy \/context \/$/,
    /^\[internal\] load (build definition|\.dockerignore)/
];
class BuildProgress {
    out;
    dockerfile;
    now;
    steps = [];
    /** The image the build produced (the last one reported: classic reports one per stage). */
    imageId;
    /** The engine's error message, when the build failed. */
    error;
    /** The step that failed, when the builder says which. */
    failedStep;
    /** Classic builder: containers it started and intermediate images it created during this build. */
    classicContainers = new Set();
    classicImages = [];
    tailLines = [];
    classicText = new LineSplitter();
    currentClassicStep;
    classicStepReusesImage = false;
    vertices = new Map();
    vertexText = new Map();
    lastLogVertex;
    vertexErrors = new Set();
    pulls = new Map();
    statusPhases = new Map();
    lastWriteAt;
    constructor(out, dockerfile, now = Date.now) {
        this.out = out;
        this.dockerfile = dockerfile;
        this.now = now;
        this.lastWriteAt = now();
    }
    handle(event) {
        switch (event.kind) {
            case 'stream':
                for (const line of this.classicText.push(event.text))
                    this.classicLine(line);
                break;
            case 'pull':
                this.pullEvent(event);
                break;
            case 'image':
                this.imageId = event.id;
                break;
            case 'trace':
                this.trace(event.status);
                break;
            case 'error':
                this.flush();
                this.error = event.message;
                if (!this.failedStep && this.currentClassicStep)
                    this.failedStep = this.currentClassicStep;
                // BuildKit reports the failing vertex's error, then the same words as the build's error.
                if (!this.vertexErrors.has(event.message))
                    this.write(`ERROR: ${event.message}`);
                break;
            case 'text':
                this.write(event.text);
                break;
        }
    }
    /** Writes what is still buffered (a last line without a newline). */
    flush() {
        for (const line of this.classicText.end())
            this.classicLine(line);
        for (const [vertex, splitter] of this.vertexText) {
            for (const line of splitter.end())
                this.logLine(vertex, line);
        }
    }
    /** The last lines written (at most 30). */
    tail() {
        return [...this.tailLines];
    }
    write(line) {
        const clean = line.replace(/\r$/, '');
        this.out.write(clean);
        this.lastWriteAt = this.now();
        for (const piece of clean.split(/\r?\n|\r/)) {
            this.tailLines.push(piece);
            if (this.tailLines.length > TAIL_LINES)
                this.tailLines.shift();
        }
    }
    // Classic builder ---------------------------------------------------------------------------------
    classicLine(line) {
        const step = /^Step (\d+)\/(\d+) : (.*)$/.exec(line);
        if (step) {
            const text = step[3];
            const instruction = locateClassicStep(this.dockerfile, Number(step[1]), text);
            const from = /^FROM\s/i.test(text);
            // The classic builder says "Using cache" or nothing; for FROM it has nothing to say.
            this.currentClassicStep = {
                instruction: text,
                line: instruction?.line,
                cached: from ? undefined : false
            };
            // A FROM step prints the base image's ID, which this build did not create.
            this.classicStepReusesImage = from;
            // LABEL steps the builder made up for the `labels` option are not the Dockerfile's steps.
            if (instruction || !/^LABEL\s/i.test(text))
                this.steps.push(this.currentClassicStep);
            this.write(line);
            return;
        }
        if (line === ' ---> Using cache') {
            if (this.currentClassicStep)
                this.currentClassicStep.cached = true;
            this.classicStepReusesImage = true;
            this.write(line);
            return;
        }
        const running = /^ ---> Running in ([0-9a-f]+)$/.exec(line);
        if (running) {
            this.classicContainers.add(running[1]);
            return;
        }
        const removed = /^Removing intermediate container ([0-9a-f]+)$/.exec(line);
        if (removed) {
            this.classicContainers.delete(removed[1]);
            return;
        }
        const image = /^ ---> ([0-9a-f]{12,64})$/.exec(line);
        if (image) {
            if (!this.classicStepReusesImage)
                this.classicImages.push(image[1]);
            return;
        }
        this.write(line);
    }
    // Pulls (classic builder): a line per layer phase change, a heartbeat while bytes move ----------
    pullEvent(event) {
        const phase = event.status;
        if (!event.id) {
            this.write(phase);
            return;
        }
        const state = this.pulls.get(event.id);
        if (!state || state.phase !== phase) {
            this.pulls.set(event.id, { phase, current: event.current, total: event.total });
            this.write(`${event.id}: ${phase}`);
            return;
        }
        state.current = event.current ?? state.current;
        state.total = event.total ?? state.total;
        this.heartbeat();
    }
    heartbeat() {
        if (this.now() - this.lastWriteAt < HEARTBEAT_MS)
            return;
        const moving = [...this.pulls.entries()].filter(([, s]) => s.total && s.current !== undefined);
        if (moving.length === 0)
            return;
        const parts = moving.map(([id, s]) => `${id} ${s.phase.toLowerCase()} ${mb(s.current)}/${mb(s.total)}`);
        this.write(`… ${parts.join(', ')}`);
    }
    // BuildKit -------------------------------------------------------------------------------------
    trace(status) {
        for (const vertex of status.vertexes) {
            let state = this.vertices.get(vertex.digest);
            if (!state) {
                state = { name: vertex.name, announced: false, cachedShown: false };
                const parsed = parseVertexName(vertex.name);
                if (parsed) {
                    state.step = { instruction: parsed.text, line: locateVertex(this.dockerfile, vertex.name)?.line };
                    this.steps.push(state.step);
                }
                this.vertices.set(vertex.digest, state);
            }
            const quiet = QUIET_VERTICES.some(re => re.test(vertex.name));
            if (state.step)
                state.step.cached = vertex.cached || (state.step.cached ?? false);
            if (vertex.cached && !state.cachedShown && !quiet) {
                state.cachedShown = true;
                state.announced = true;
                this.lastLogVertex = vertex.digest;
                this.write(`${vertex.name}: cached`);
            }
            else if (vertex.started && !vertex.cached && !state.announced && !quiet) {
                state.announced = true;
                this.lastLogVertex = vertex.digest;
                this.write(vertex.name);
            }
            if (vertex.error) {
                if (state.step && !this.failedStep)
                    this.failedStep = state.step;
                if (!this.vertexErrors.has(vertex.error))
                    this.write(`ERROR: ${vertex.name}: ${vertex.error}`);
                this.vertexErrors.add(vertex.error);
            }
        }
        for (const log of status.logs) {
            let splitter = this.vertexText.get(log.vertex);
            if (!splitter)
                this.vertexText.set(log.vertex, (splitter = new LineSplitter()));
            for (const line of splitter.push(log.text))
                this.logLine(log.vertex, line);
        }
        for (const s of status.statuses) {
            // Layers being pulled, the export, the naming: a line when each starts and when its phase changes.
            const phase = s.completed ? 'done' : s.name || 'started';
            const previous = this.statusPhases.get(s.id);
            this.statusPhases.set(s.id, phase);
            if (s.completed)
                this.pulls.delete(s.id);
            else if (s.total > 0)
                this.pulls.set(s.id, { phase: s.name || 'downloading', current: s.current, total: s.total });
            // Steps without a byte count (exporting, naming) get one line, when done.
            if (s.total === 0 && previous === undefined && !s.completed)
                continue;
            if (previous === undefined)
                this.write(s.completed ? `${s.id}: done` : `${s.id} (${mb(s.total)})`);
            else if (previous !== phase)
                this.write(`${s.id}: ${phase}`);
        }
        if (status.statuses.length > 0)
            this.heartbeat();
        for (const warning of status.warnings)
            this.write(`WARNING: ${warning.trim()}`);
    }
    logLine(vertex, line) {
        // Output of steps running in parallel interleaves: name the step whenever the speaker changes.
        if (this.lastLogVertex !== vertex) {
            const name = this.vertices.get(vertex)?.name;
            if (name)
                this.write(name);
            this.lastLogVertex = vertex;
        }
        this.write(line);
    }
}
function mb(n) {
    return `${(n / 1_000_000).toFixed(1)}MB`;
}

;// CONCATENATED MODULE: ./src/build/build.ts













/** BuildKit through the build endpoint (`version=2`) and the session endpoint arrived in API 1.39. */
const BUILDKIT_MIN_API = '1.39';
/** The build stage: packs the context, builds through the Engine API, and reports what came of it. */
async function buildImage(input) {
    const { docker, options, env, log, signal } = input;
    const started = Date.now();
    const file = (0,external_node_path_.relative)(env.workspace, options.file).split(external_node_path_.sep).join('/') || options.file;
    const skipped = (reason) => ({
        status: 'skipped',
        skippedReason: reason,
        tags: options.tags,
        durationMs: 0,
        steps: []
    });
    const failed = (failure, extra = {}) => ({
        status: 'failed',
        tags: options.tags,
        durationMs: Date.now() - started,
        steps: [],
        ...extra,
        failure: { file, tail: [], ...failure }
    });
    if (options.mode === 'false')
        return skipped('build is false');
    if (!isFile(options.file)) {
        if (options.mode === 'auto')
            return skipped(`there is no Dockerfile at ${file}`);
        return failed({
            message: `There is no Dockerfile at ${file}. Set the file input to the Dockerfile's path, or build: auto to skip the build when there is none.`
        });
    }
    (0,src_errors/* throwIfAborted */.Te)(signal);
    const dockerfile = parseDockerfile(await (0,promises_.readFile)(options.file, 'utf8'));
    if (options.target && !dockerfile.stages.some(s => s.name === options.target.toLowerCase())) {
        const names = dockerfile.stages.map(s => s.name).filter(Boolean);
        return failed({
            message: `The target stage "${options.target}" is not in ${file} (${names.length ? `its named stages: ${names.join(', ')}` : 'it names no stages with FROM ... AS name'}).`
        });
    }
    const choice = await chooseBuilder(docker, options.builder, signal);
    if ('problem' in choice)
        return failed({ message: choice.problem });
    const builder = choice.builder;
    const credentials = await findCredentials(baseImages(dockerfile, options.buildArgs).map(registryOf), input.processEnv ?? process.env);
    for (const found of credentials)
        log.debug(`Registry credentials for ${found.registry} from ${found.source}`);
    const packed = packContext({ context: options.context, dockerfile: options.file, signal });
    let packError;
    packed.done.catch((error) => (packError = error));
    const buildOptions = {
        t: options.tags,
        dockerfile: packed.dockerfileName,
        buildargs: options.buildArgs,
        labels: { ...options.labels, ...input.labels },
        target: options.target,
        platform: options.platform,
        nocache: options.noCache,
        pull: options.pull,
        rm: true,
        forcerm: true, // a failed classic step leaves no container behind
        version: builder === 'buildkit' ? '2' : '1',
        abortSignal: signal
    };
    for (const key of Object.keys(buildOptions))
        if (buildOptions[key] === undefined)
            delete buildOptions[key];
    if (builder === 'classic' && credentials.length > 0)
        buildOptions.registryconfig = registryConfig(credentials);
    // dockerode's BuildKit session answers every registry with the one credential it is given.
    const sessionAuth = credentials.find(c => c.auth.password)?.auth;
    if (builder === 'buildkit' && sessionAuth)
        buildOptions.authconfig = sessionAuth;
    log.info(`Building ${file} with ${builder === 'buildkit' ? 'BuildKit' : 'the classic builder'}, tags: ${options.tags.join(', ')}`);
    const block = log.untrusted(`Build ${options.tags[0] ?? ''}`.trim());
    const progress = new BuildProgress(block, dockerfile);
    let cancelled = false;
    try {
        const stream = await docker.buildImage.call(docker, packed.stream, buildOptions);
        for await (const event of buildEvents(stream))
            progress.handle(event);
        progress.flush();
    }
    catch (error) {
        progress.flush();
        if (signal?.aborted)
            cancelled = true;
        else
            progress.handle({
                kind: 'error',
                message: packError
                    ? `Could not send the build context: ${(0,src_errors/* messageOf */.bD)(packError)}`
                    : engineMessage(error, 'in the middle of the build')
            });
    }
    finally {
        block.close();
    }
    if (cancelled || progress.error) {
        await removeLeftovers(docker, progress, builder);
        if (cancelled)
            throw new src_errors/* CancelledError */.cc('the build was cancelled');
    }
    const steps = progress.steps;
    if (progress.error) {
        return failed(describeFailure(progress, dockerfile, options.buildArgs), { builder, steps });
    }
    if (!progress.imageId) {
        return failed({ message: 'The engine finished the build without reporting an image ID.', tail: progress.tail() }, { builder, steps });
    }
    const image = (await docker
        .getImage(progress.imageId)
        .inspect({ abortSignal: signal }));
    const context = await packed.done;
    const missing = options.tags.filter(tag => !(image.RepoTags ?? []).some(t => sameTag(t, tag)));
    if (missing.length > 0)
        log.warning(`The engine did not apply the tags ${missing.join(', ')} to ${image.Id}`);
    log.info(`Built ${image.Id} (${build_formatBytes(image.Size)}, ${image.RootFS?.Layers?.length ?? 0} layers) in ${seconds(Date.now() - started)}; context: ${context.files} files, ${build_formatBytes(context.bytes)}, ${context.ignored} ignored by .dockerignore`);
    return {
        status: 'built',
        imageId: image.Id,
        tags: options.tags,
        sizeBytes: image.Size,
        layers: image.RootFS?.Layers?.length,
        durationMs: Date.now() - started,
        builder,
        steps,
        context
    };
}
/**
 * BuildKit where the engine has it (API 1.39+, Linux), the classic builder otherwise or when asked.
 * Asking for BuildKit from an engine without it is a failure, not a silent fallback.
 */
async function chooseBuilder(docker, choice, signal) {
    if (choice === 'classic')
        return { builder: 'classic' };
    const version = await api/* api */.F.version(docker, signal);
    const apiVersion = String(version.ApiVersion ?? '');
    const os = String(version.Os ?? '');
    const supported = os === 'linux' && ((0,engine_version/* compareVersions */.Z)(apiVersion, BUILDKIT_MIN_API) ?? -1) >= 0;
    if (supported)
        return { builder: 'buildkit' };
    if (choice === 'buildkit') {
        return {
            problem: `builder is buildkit, but this engine (${os || 'unknown OS'}, API ${apiVersion || 'unknown'}) has no BuildKit: it needs a Linux engine with API ${BUILDKIT_MIN_API} or later. Use builder: auto or classic.`
        };
    }
    return { builder: 'classic' };
}
/** The failure as a developer should see it: the instruction and its line, the engine's words, the tail. */
function describeFailure(progress, dockerfile, buildArgs) {
    let message = tidyEngineMessage(progress.error ?? 'the build failed');
    let instruction = progress.failedStep?.instruction;
    let line = progress.failedStep?.line;
    const parseErrorLine = lineInMessage(message);
    if (parseErrorLine !== undefined) {
        line = parseErrorLine;
        instruction = instructionAtLine(dockerfile, parseErrorLine)?.text;
    }
    const base = missingBaseImage(message);
    if (base) {
        const stage = stageWithBase(dockerfile, base, buildArgs);
        if (stage) {
            line = stage.from.line;
            instruction = stage.from.text;
        }
        message = `The base image ${base} could not be pulled: ${message}`;
    }
    return { message, instruction, line, tail: progress.tail() };
}
/** The image reference an engine names when a base image cannot be pulled, in either builder's words. */
function missingBaseImage(message) {
    const patterns = [
        /manifest for (\S+) not found/,
        /pull access denied for ([^,\s]+)/,
        /failed to resolve source metadata for ([^:\s]+(?::\d+)?\/[^:\s]+(?::[\w.-]+)?)/,
        /(?:^|: )(\S+?): (?:not found|pull access denied)/,
        /https?:\/\/([^/\s]+)\/v2\/(\S+?)\/manifests\/([^"\s]+)/
    ];
    for (const pattern of patterns) {
        const match = pattern.exec(message);
        if (!match)
            continue;
        if (match[3] !== undefined) {
            const host = match[1] === 'registry-1.docker.io' ? 'docker.io' : match[1];
            return `${host}/${match[2]}${match[3].startsWith('sha256:') ? '@' : ':'}${match[3]}`;
        }
        return match[1];
    }
    return undefined;
}
/** BuildKit wraps every error in the same two prefixes; they tell a developer nothing. */
function tidyEngineMessage(message) {
    return message
        .replace(/^failed to solve with frontend dockerfile\.v0: /, '')
        .replace(/^failed to solve: /, '')
        .replace(/^failed to create LLB definition: /, '')
        .trim();
}
/**
 * After a failed or cancelled build, removes what the classic builder left: the container of the step
 * that was running (the engine removes it itself with forcerm, but only after the request is gone) and
 * the intermediate images this build created. BuildKit keeps both inside its own cache.
 */
async function removeLeftovers(docker, progress, builder) {
    if (builder !== 'classic')
        return;
    for (const id of progress.classicContainers) {
        const container = docker.getContainer(id);
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
            try {
                await container.remove({ force: true });
                break;
            }
            catch (error) {
                if ((0,src_errors/* errorCode */.CA)(error) === 404)
                    break;
                await (0,signals/* sleep */.yy)(250); // removal already in progress
            }
        }
    }
    for (const id of [...progress.classicImages].reverse()) {
        try {
            await docker.getImage(id).remove({ noprune: true });
        }
        catch {
            // in use by another build's cache or already gone: not ours to force
        }
    }
}
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
/** `busybox:1` and `docker.io/library/busybox:1` name the same tag; RepoTags holds the short form. */
function sameTag(repoTag, tag) {
    const short = (t) => t.replace(/^docker\.io\/(library\/)?/, '');
    const withLatest = (t) => /:[\w][\w.-]*$/.test(t.slice(t.lastIndexOf('/') + 1)) ? t : `${t}:latest`;
    return withLatest(short(repoTag)) === withLatest(short(tag));
}
function build_formatBytes(n) {
    if (n >= 1e9)
        return `${(n / 1e9).toFixed(2)} GB`;
    if (n >= 1e6)
        return `${(n / 1e6).toFixed(1)} MB`;
    if (n >= 1e3)
        return `${(n / 1e3).toFixed(1)} kB`;
    return `${n} B`;
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

// EXTERNAL MODULE: ./src/engine/check.ts
var check = __webpack_require__(73326);
// EXTERNAL MODULE: ./src/engine/connect.ts
var connect = __webpack_require__(2688);
;// CONCATENATED MODULE: ./src/inventory/budget.ts
/**
 * `max-image-size`: the failure sentence when the built image is larger than the budget, naming both
 * sizes and the three largest layers with their instructions; undefined when it fits (or nothing was built).
 */
function checkImageSize(input) {
    const { maxBytes, build } = input;
    if (maxBytes === undefined || build?.status !== 'built')
        return undefined;
    const image = input.inventory?.images.find(i => i.built);
    const size = image?.sizeBytes ?? build.sizeBytes;
    if (size === undefined || size <= maxBytes)
        return undefined;
    const name = image?.tags[0] ?? build.tags[0] ?? build.imageId ?? 'the built image';
    const layers = largestLayers(image, 3);
    const largest = layers.length === 0
        ? ''
        : ` Largest layers: ${layers.map(l => `${sizeText(l.sizeBytes)} ${oneLine(l.createdBy, 80)}`).join('; ')}.`;
    return (`Image ${name} is ${sizeText(size)} (${size.toLocaleString('en-US')} bytes), over max-image-size ` +
        `${sizeText(maxBytes)} (${maxBytes.toLocaleString('en-US')} bytes).${largest}`);
}
function largestLayers(image, n) {
    return [...(image?.layers ?? [])]
        .filter(l => l.sizeBytes > 0)
        .sort((a, b) => b.sizeBytes - a.sizeBytes)
        .slice(0, n);
}
/** Decimal and binary, since the input accepts both `250MB` and `1.5GiB`. */
function sizeText(n) {
    const decimal = ['B', 'kB', 'MB', 'GB', 'TB'];
    const binary = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    const scaled = (base, units) => {
        let value = n;
        let unit = 0;
        while (value >= base && unit < units.length - 1) {
            value /= base;
            unit++;
        }
        return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
    };
    return n < 1000 ? `${n} B` : `${scaled(1000, decimal)} / ${scaled(1024, binary)}`;
}
function oneLine(text, max) {
    const line = text.replace(/\s+/g, ' ').trim() || '(no instruction recorded)';
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

// EXTERNAL MODULE: ./src/labels.ts
var labels = __webpack_require__(94584);
;// CONCATENATED MODULE: ./src/inventory/inventory.ts


/**
 * The inventory stage: what `docker image ls` and `docker container ls --all` would show, for the run's own
 * images and containers (scope `run`) or everything on the engine (scope `all`). One list call for images
 * and one for containers whatever their number, no per-item inspect; the image history only for the
 * built image.
 */
async function takeInventory(input) {
    const started = Date.now();
    const { docker, scope, signal } = input;
    (0,src_errors/* throwIfAborted */.Te)(signal);
    const errors = [];
    const builtId = input.build?.status === 'built' ? input.build.imageId : undefined;
    const [imageList, containerList, history] = await Promise.all([
        attempt(errors, 'list images', signal, () => listImages(docker, signal)),
        attempt(errors, 'list containers', signal, () => listContainers(docker, scope === 'run' ? input.runId : undefined, signal)),
        builtId
            ? attempt(errors, 'read the built image history', signal, () => imageHistory(docker, builtId, signal))
            : Promise.resolve(undefined)
    ]);
    const containers = mergeRecorded((containerList ?? []).map(toContainer), input.smoke);
    let images = (imageList ?? []).map(toImage);
    if (scope === 'run') {
        const wanted = new ImageMatcher([
            ...(builtId ? [builtId] : []),
            ...input.usedImages,
            ...(containerList ?? []).map(c => c.ImageID ?? c.Image)
        ]);
        images = images.filter(image => wanted.matches(image));
    }
    for (const image of images) {
        if (!builtId || !sameId(image.id, builtId))
            continue;
        image.built = true;
        const raw = imageList?.find(i => i.Id === image.id);
        if (raw?.Labels && Object.keys(raw.Labels).length > 0)
            image.labels = raw.Labels;
        if (history)
            image.layers = toLayers(history);
    }
    images.sort((a, b) => Number(b.built ?? false) - Number(a.built ?? false) || b.created.localeCompare(a.created));
    containers.sort((a, b) => b.created.localeCompare(a.created) || a.name.localeCompare(b.name));
    return { scope, images, containers, errors, durationMs: Date.now() - started };
}
/** Runs one engine call; a failure becomes a line in `errors` (the report still shows the rest). */
async function attempt(errors, doing, signal, call) {
    try {
        return await call();
    }
    catch (error) {
        if (signal?.aborted)
            throw new src_errors/* CancelledError */.cc();
        errors.push(`Could not ${doing}: ${(0,src_errors/* messageOf */.bD)(error)}`);
        return undefined;
    }
}
// dockerode 5 takes `abortSignal` on list calls; @types/dockerode 4 does not declare it.
function listImages(docker, signal) {
    const options = { abortSignal: signal };
    return docker.listImages(options);
}
function listContainers(docker, runId, signal) {
    const filters = runId ? { label: [`${labels/* LABEL_RUN */.Bt}=${runId}`] } : undefined;
    const options = { all: true, filters, abortSignal: signal };
    return docker.listContainers(options);
}
/** Image.history() takes no options in dockerode; dialling the modem directly carries the signal. */
function imageHistory(docker, id, signal) {
    return new Promise((resolve, reject) => {
        docker.modem.dial({
            path: `/images/${encodeURIComponent(id)}/history`,
            method: 'GET',
            abortSignal: signal,
            statusCodes: { 200: true, 404: 'no such image', 500: 'server error' }
        }, (error, data) => (error ? reject(error) : resolve(data)));
    });
}
function iso(unixSeconds) {
    const date = new Date(unixSeconds * 1000);
    return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
function toImage(item) {
    return {
        id: item.Id,
        shortId: shortId(item.Id),
        tags: (item.RepoTags ?? []).filter(t => t !== '<none>:<none>'),
        digests: (item.RepoDigests ?? []).filter(d => d !== '<none>@<none>'),
        sizeBytes: item.Size,
        created: iso(item.Created)
    };
}
function shortId(id) {
    return id.replace(/^sha256:/, '').slice(0, 12);
}
function sameId(a, b) {
    const x = a.replace(/^sha256:/, '');
    const y = b.replace(/^sha256:/, '');
    return x.length >= 12 && y.length >= 12 && (x.startsWith(y) || y.startsWith(x));
}
function toContainer(item) {
    const exited = /^Exited \((-?\d+)\)/.exec(item.Status);
    return {
        id: item.Id,
        name: (item.Names?.[0] ?? item.Id.slice(0, 12)).replace(/^\//, ''),
        image: item.Image,
        command: item.Command,
        state: item.State,
        status: item.Status,
        exitCode: exited ? Number(exited[1]) : undefined,
        created: iso(item.Created),
        ports: (item.Ports ?? []).map(formatPort),
        removed: false
    };
}
function formatPort(port) {
    if (!port.PublicPort)
        return `${port.PrivatePort}/${port.Type}`;
    const host = port.IP && port.IP.includes(':') ? `[${port.IP}]` : (port.IP ?? '');
    return `${host}:${port.PublicPort}->${port.PrivatePort}/${port.Type}`;
}
/** The live containers, plus the smoke stage's records of those already removed. */
function mergeRecorded(live, smoke) {
    const byId = new Map(live.map(c => [c.id, c]));
    for (const result of smoke?.results ?? []) {
        const record = result.container;
        if (!record)
            continue;
        const current = byId.get(record.id);
        if (current) {
            current.exitCode ??= result.exitCode;
            continue;
        }
        const row = {
            id: record.id,
            name: record.name,
            image: result.image,
            command: record.command,
            state: 'removed',
            status: record.state ? `${record.state}, then removed` : 'removed',
            exitCode: result.exitCode,
            created: record.created,
            ports: record.ports,
            removed: true
        };
        byId.set(record.id, row);
        live.push(row);
    }
    return live;
}
/** History comes newest first; layers are reported in Dockerfile order. */
function toLayers(history) {
    return [...history].reverse().map(item => ({
        sizeBytes: item.Size,
        createdBy: instruction(item.CreatedBy),
        created: iso(item.Created)
    }));
}
/**
 * One line for a history entry, as a Dockerfile would say it: the classic builder writes
 * `/bin/sh -c #(nop)  CMD ["sh"]` for metadata and `|2 A=1 B=2 /bin/sh -c make` for RUN with build args;
 * BuildKit writes `RUN /bin/sh -c make # buildkit`.
 */
function instruction(createdBy) {
    let text = createdBy.replace(/\s+/g, ' ').trim();
    text = text.replace(/ # buildkit$/, '');
    const nop = /^\/bin\/sh -c #\(nop\) ?(.*)$/.exec(text);
    if (nop)
        return nop[1].trim();
    const run = /^(?:\|\d+ (?:\S+=\S* )*)?\/bin\/sh -c (.*)$/.exec(text);
    if (run)
        return `RUN ${run[1].trim()}`;
    return text.replace(/^RUN \/bin\/sh -c /, 'RUN ');
}
/** Matches images by ID or by reference as a user or a smoke entry wrote it (`busybox` = `busybox:latest`). */
class ImageMatcher {
    ids = [];
    refs = new Set();
    constructor(references) {
        for (const ref of references) {
            const bare = ref.replace(/^sha256:/, '');
            if (/^[0-9a-f]{12,64}$/.test(bare))
                this.ids.push(bare);
            else
                this.refs.add(inventory_normalizeReference(ref));
        }
    }
    matches(image) {
        if (this.ids.some(id => sameId(id, image.id)))
            return true;
        return [...image.tags, ...image.digests].some(ref => this.refs.has(inventory_normalizeReference(ref)));
    }
}
/** `docker.io/library/busybox` and `busybox` and `busybox:latest` are the same image. */
function inventory_normalizeReference(reference) {
    let ref = reference.trim().replace(/^(?:index\.)?docker\.io\//, '');
    ref = ref.replace(/^library\//, '');
    if (ref.includes('@'))
        return ref;
    const lastSlash = ref.lastIndexOf('/');
    return ref.slice(lastSlash + 1).includes(':') ? ref : `${ref}:latest`;
}

;// CONCATENATED MODULE: ./src/log/deferred.ts
/**
 * A Log that holds what it is given until `release()`, then replays it in order and passes everything
 * straight through. The pipeline hands one to the smoke stage while the build still streams its log, so
 * a container that finishes early cannot land inside the build's group (or inside its guarded block,
 * where the runner would ignore its annotations). Progress lines are transient and are dropped while held.
 */
class DeferredLog {
    target;
    held = [];
    constructor(target) {
        this.target = target;
    }
    /** Replays what was held and stops holding. Safe to call more than once. */
    release() {
        const held = this.held;
        this.held = undefined;
        for (const replay of held ?? [])
            replay(this.target);
    }
    send(call) {
        if (this.held)
            this.held.push(call);
        else
            call(this.target);
    }
    info(message) {
        this.send(log => log.info(message));
    }
    warning(message, target) {
        this.send(log => log.warning(message, target));
    }
    error(message, target) {
        this.send(log => log.error(message, target));
    }
    debug(message) {
        this.send(log => log.debug(message));
    }
    progress(message) {
        if (!this.held)
            this.target.progress(message);
    }
    /** While held, the title becomes a plain line: a group cannot be replayed around work already done. */
    group(title, fn) {
        if (!this.held)
            return this.target.group(title, fn);
        this.info(title);
        return fn();
    }
    /**
     * While held, a block is buffered; on release it is opened for real at its place in the order, and a
     * block still open then goes on live (a build's log keeps streaming once the engine check is done).
     */
    untrusted(title) {
        if (!this.held)
            return this.target.untrusted(title);
        const chunks = [];
        let live;
        let closed = false;
        this.send(log => {
            live = log.untrusted(title);
            for (const chunk of chunks.splice(0))
                live.write(chunk);
            if (closed)
                live.close();
        });
        return {
            write: text => {
                if (live)
                    live.write(text);
                else
                    chunks.push(text);
            },
            close: () => {
                if (live)
                    live.close();
                else
                    closed = true;
            }
        };
    }
}

// EXTERNAL MODULE: ./src/smoke/spec.ts
var smoke_spec = __webpack_require__(77302);
;// CONCATENATED MODULE: ./src/smoke/defaults.ts

/** A built image with neither HEALTHCHECK nor EXPOSE passes if it is still running after this long. */
const SETTLE_MS = 5000;
const HELLO_WORLD = {
    name: 'hello-world',
    image: 'hello-world',
    expectOutput: /Hello from Docker!/m
};
/** The hello-world entry the defaults always include; it needs nothing from the build. */
function helloWorldEntry(timeoutMs) {
    return { env: {}, ports: [], expectExitCode: 0, timeoutMs, ...HELLO_WORLD };
}
/**
 * The default entry for the image this run built, run with its own command: ready by HEALTHCHECK if it has
 * one, else by a TCP connect on its first EXPOSEd port, else it passes if it exits 0 or is still running
 * after SETTLE_MS.
 */
async function builtImageEntry(builtImage, images, timeoutMs) {
    let name = (0,smoke_spec/* nameFromImage */.BN)(builtImage.reference);
    if (name === HELLO_WORLD.name)
        name = `${name}-2`;
    const built = { env: {}, ports: [], expectExitCode: 0, timeoutMs, name };
    // When the image cannot be inspected, the entry itself fails with the reason.
    const facts = await images.provide(builtImage.id, true).catch(() => undefined);
    const firstTcpPort = facts?.exposedPorts.find(port => port.endsWith('/tcp'));
    if (facts?.healthcheck) {
        built.ready = { kind: 'healthy' };
    }
    else if (firstTcpPort) {
        const containerPort = Number(firstTcpPort.split('/')[0]);
        built.ports = [{ containerPort, protocol: 'tcp' }];
        built.ready = { kind: 'port', port: containerPort };
    }
    else {
        built.settleMs = SETTLE_MS;
    }
    return built;
}

// EXTERNAL MODULE: ./node_modules/shell-quote/index.js
var shell_quote = __webpack_require__(26591);
;// CONCATENATED MODULE: ./src/smoke/output.ts
// A container's output, held in bounded memory however much it writes: the multiplexed log stream is
// split into frames as it arrives, only the last part is kept, and patterns are matched on the fly.

/** How much of each container's combined output is kept for the report and the log. */
const TAIL_BYTES = 64 * 1024;
/**
 * Splits Docker's multiplexed stream (non-TTY attach and logs): each frame is an 8-byte header
 * (stream type, 3 zero bytes, big-endian uint32 size) followed by that many bytes. Frames may be split
 * across chunks and chunks may hold many frames; payloads are passed on as they arrive, never gathered.
 */
class FrameDemuxer {
    onPayload;
    header = Buffer.alloc(8);
    headerFill = 0;
    remaining = 0;
    kind = 'stdout';
    constructor(onPayload) {
        this.onPayload = onPayload;
    }
    push(chunk) {
        let offset = 0;
        while (offset < chunk.length) {
            if (this.remaining === 0) {
                const take = Math.min(8 - this.headerFill, chunk.length - offset);
                chunk.copy(this.header, this.headerFill, offset, offset + take);
                this.headerFill += take;
                offset += take;
                if (this.headerFill < 8)
                    return;
                this.headerFill = 0;
                this.kind = this.header[0] === 2 ? 'stderr' : this.header[0] === 0 ? 'stdin' : 'stdout';
                this.remaining = this.header.readUInt32BE(4);
                continue;
            }
            const take = Math.min(this.remaining, chunk.length - offset);
            this.onPayload(chunk.subarray(offset, offset + take), this.kind);
            this.remaining -= take;
            offset += take;
        }
    }
    /** True when the stream ended mid-frame (a truncated reply). */
    get incomplete() {
        return this.remaining > 0 || this.headerFill > 0;
    }
}
/** The last `limit` bytes of everything appended, plus how much was seen in all. */
class OutputTail {
    limit;
    chunks = [];
    held = 0;
    totalBytes = 0;
    constructor(limit = TAIL_BYTES) {
        this.limit = limit;
    }
    append(data) {
        if (data.length === 0)
            return;
        this.totalBytes += data.length;
        // Copy: the payload may be a view into a larger socket buffer we must not pin.
        const piece = data.length > this.limit ? data.subarray(data.length - this.limit) : data;
        this.chunks.push(Buffer.from(piece));
        this.held += piece.length;
        while (this.chunks.length > 1 && this.held - this.chunks[0].length >= this.limit) {
            this.held -= this.chunks.shift().length;
        }
        // Many tiny writes would otherwise keep many tiny buffers alive: compact now and then.
        if (this.chunks.length > 256) {
            const compacted = this.bytes();
            this.chunks = [compacted];
            this.held = compacted.length;
        }
    }
    get truncated() {
        return this.totalBytes > this.limit;
    }
    bytes() {
        const all = Buffer.concat(this.chunks);
        return all.length > this.limit ? all.subarray(all.length - this.limit) : all;
    }
    /** The tail as text; a multi-byte character cut by the limit is dropped rather than mangled. */
    text() {
        let bytes = this.bytes();
        if (this.truncated) {
            let start = 0;
            while (start < bytes.length && start < 4 && (bytes[start] & 0xc0) === 0x80)
                start++;
            bytes = bytes.subarray(start);
        }
        return bytes.toString('utf8');
    }
}
/**
 * Watches the output for a pattern as it streams by. Each new piece is matched together with the last
 * `overlap` characters before it, so a match spanning pieces is found while memory stays bounded.
 * Once matched it stays matched.
 */
class PatternWatch {
    pattern;
    overlap;
    matched = false;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    carry = '';
    listeners = [];
    constructor(pattern, overlap = 4096) {
        this.pattern = pattern;
        this.overlap = overlap;
    }
    feed(data) {
        if (this.matched)
            return;
        const text = this.carry + this.decoder.write(data);
        if (this.pattern.test(text)) {
            this.matched = true;
            this.carry = '';
            for (const listener of this.listeners.splice(0))
                listener();
            return;
        }
        this.carry = text.length > this.overlap ? text.slice(text.length - this.overlap) : text;
    }
    /** Calls `listener` once, when (or if already) matched. */
    onMatch(listener) {
        if (this.matched)
            listener();
        else
            this.listeners.push(listener);
    }
}
/** Everything kept of one container's output: the tail and the watched patterns. */
class OutputCollector {
    tail;
    watches = [];
    constructor(limit = TAIL_BYTES) {
        this.tail = new OutputTail(limit);
    }
    watch(pattern) {
        const watch = new PatternWatch(pattern);
        this.watches.push(watch);
        return watch;
    }
    append(data) {
        this.tail.append(data);
        for (const watch of this.watches)
            watch.feed(data);
    }
}

;// CONCATENATED MODULE: ./src/smoke/container.ts


/** The engine closed a stream before it answered: it stopped, restarted or crashed. */
class EngineLostError extends src_errors/* PreflightError */.wG {
    constructor(what) {
        super(`the connection to the Docker engine closed ${what} (did the Docker daemon stop?)`);
        this.name = 'EngineLostError';
    }
}
/**
 * Opens `POST /containers/{id}/wait?condition=next-exit` and resolves once the engine has answered
 * with headers: from then on the wait is registered, so `start` may follow without a race.
 */
function watchExit(container, signal) {
    const modem = container.modem;
    return new Promise((resolve, reject) => {
        modem.dial({
            path: `/containers/${container.id}/wait?`,
            method: 'POST',
            isStream: true,
            abortSignal: signal,
            statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error' },
            options: { condition: 'next-exit' }
        }, (error, result) => {
            if (error)
                reject(error);
            else
                resolve(readExit(result, signal));
        });
    });
}
function readExit(response, signal) {
    let body = '';
    let ended = false;
    const exited = new Promise((resolve, reject) => {
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
            if (body.length < 65536)
                body += chunk;
        });
        response.on('end', () => {
            ended = true;
            const parsed = parseWaitBody(body);
            if (parsed)
                resolve(parsed);
            else
                reject(new EngineLostError('while waiting for the container to exit, without an exit status'));
        });
        const lost = () => {
            if (ended)
                return;
            if (signal?.aborted)
                reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
            else
                reject(new EngineLostError('while waiting for the container to exit'));
        };
        response.on('error', lost);
        response.on('close', lost);
    });
    // Whoever stops caring (the container was judged ready, or timed out) must not leave an unhandled rejection.
    exited.catch(() => { });
    return {
        exited,
        close: () => {
            ended = true;
            response.destroy();
        }
    };
}
function parseWaitBody(body) {
    try {
        const json = JSON.parse(body);
        if (typeof json.StatusCode !== 'number')
            return undefined;
        return { statusCode: json.StatusCode, ...(json.Error?.Message ? { error: json.Error.Message } : {}) };
    }
    catch {
        return undefined;
    }
}
/** Follows the container's combined output into `collector`, frame by frame, never buffering it whole. */
async function followOutput(container, collector, signal) {
    const stream = (await container.logs({
        follow: true,
        stdout: true,
        stderr: true,
        abortSignal: signal
    }));
    const demuxer = new FrameDemuxer(payload => collector.append(payload));
    const ended = new Promise(resolve => {
        stream.on('data', (chunk) => demuxer.push(chunk));
        stream.on('end', () => resolve());
        stream.on('close', () => resolve());
        stream.on('error', () => resolve());
    });
    return { ended, close: () => stream.destroy() };
}
/** Kills a container; one that already stopped or is gone is fine. */
async function killQuietly(container, signal) {
    try {
        await container.kill({ abortSignal: signal });
    }
    catch (error) {
        if (![304, 404, 409].includes((0,src_errors/* errorCode */.CA)(error)))
            throw error;
    }
}
/**
 * Removes a container with its anonymous volumes, killing it if it runs. Resolves true when it is gone
 * (also when it already was), false with the reason when the engine refused or could not be reached.
 */
async function removeQuietly(container, signal) {
    try {
        await container.remove({ force: true, v: true, abortSignal: signal });
        return { removed: true };
    }
    catch (error) {
        const code = (0,src_errors/* errorCode */.CA)(error);
        if (code === 404)
            return { removed: true };
        // 409 "removal already in progress": someone (the post step) is removing it.
        if (code === 409 && /already in progress/i.test((0,src_errors/* messageOf */.bD)(error)))
            return { removed: true };
        return { removed: false, error: (0,src_errors/* messageOf */.bD)(error) };
    }
}

// EXTERNAL MODULE: ./src/smoke/ports.ts
var smoke_ports = __webpack_require__(58973);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/smoke/ready.ts
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
    check(signal) {
        const attempt = (0,signals/* deadline */.nl)(ATTEMPT_TIMEOUT_MS, undefined, signal);
        const send = this.url.startsWith('https:') ? external_node_https_.request : external_node_http_.request;
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
            const socket = (0,external_node_net_.connect)({ host: this.host, port: this.port, signal });
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
        this.description = `output matching ${(0,smoke_spec/* showPattern */.uz)(watch.pattern)}`;
    }
    async check() {
        return this.watch.matched
            ? { ready: true, detail: `output matched ${(0,smoke_spec/* showPattern */.uz)(this.watch.pattern)}` }
            : { ready: false, detail: `no output matched ${(0,smoke_spec/* showPattern */.uz)(this.watch.pattern)} yet` };
    }
}
/** The image's HEALTHCHECK, as the engine reports it in State.Health. */
class HealthyWait {
    container;
    image;
    description = 'HEALTHCHECK to report healthy';
    constructor(container, image) {
        this.container = container;
        this.image = image;
    }
    async check(signal) {
        const info = await (0,signals/* abortable */.ZC)(this.container.inspect({ abortSignal: signal }), signal);
        const health = info.State?.Health;
        if (!health) {
            return {
                ready: false,
                fatal: true,
                detail: `ready: healthy needs a HEALTHCHECK, and ${this.image} has none`
            };
        }
        if (health.Status === 'healthy')
            return { ready: true, detail: 'HEALTHCHECK reported healthy' };
        const last = health.Log?.[health.Log.length - 1];
        const probe = last ? ` (last check exited ${last.ExitCode}: ${last.Output.trim().slice(0, 200)})` : '';
        if (health.Status === 'unhealthy')
            return { ready: false, fatal: true, detail: `HEALTHCHECK reported unhealthy${probe}` };
        return { ready: false, detail: `HEALTHCHECK reported ${health.Status}${probe}` };
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
            return new HttpWait(`http://${formatHost((0,smoke_ports/* connectHost */.Zj)(port))}:${port.hostPort}${spec.target}`);
        }
        case 'port': {
            const port = published(spec.port);
            if (!port)
                return `container port ${spec.port} was not published`;
            return new PortWait((0,smoke_ports/* connectHost */.Zj)(port), port.hostPort, spec.port);
        }
        case 'log':
            return context.logWatch ? new LogWait(context.logWatch) : 'the output is not being watched';
        case 'healthy':
            return new HealthyWait(context.container, context.image);
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
            answer = { ready: false, detail: `${strategy.description}: ${(0,src_errors/* messageOf */.bD)(error)}` };
        }
        onAnswer(answer);
        if (answer.ready || answer.fatal)
            return answer;
        await (0,signals/* sleep */.yy)(intervalMs, signal);
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
    return (0,src_errors/* messageOf */.bD)(error);
}

;// CONCATENATED MODULE: ./src/smoke/entry.ts









/** Cleanup calls get their own deadline: they run after the entry's own has passed, or after a cancel. */
const CLEANUP_TIMEOUT_MS = 15_000;
class EntryTimeout extends Error {
}
/**
 * Runs one entry. Resolves with its result whatever happened to it, a cancel included (reason
 * `cancelled`, once its container is removed); rejects only with CancelledError when cancelled before
 * anything was created.
 */
async function runEntry(spec, context) {
    const started = Date.now();
    const output = new OutputCollector();
    const watches = {
        expect: spec.expectOutput ? output.watch(spec.expectOutput) : undefined,
        reject: spec.rejectOutput ? output.watch(spec.rejectOutput) : undefined,
        ready: spec.ready?.kind === 'log' ? output.watch(spec.ready.pattern) : undefined
    };
    const reference = spec.image ?? context.builtImage?.reference;
    // The built image is run by ID: its tag may be moved by another build meanwhile.
    const imageToRun = spec.image ?? context.builtImage?.id;
    const result = (verdict, container) => ({
        name: spec.name,
        image: reference ?? '',
        passed: verdict.passed,
        ...(verdict.exitCode !== undefined ? { exitCode: verdict.exitCode } : {}),
        durationMs: Date.now() - started,
        reason: verdict.reason,
        outputTail: output.tail.text(),
        outputTruncated: output.tail.truncated,
        ...(container ? { container } : {})
    });
    if (!reference || !imageToRun) {
        return result({ passed: false, reason: 'no image: this run built none, so the entry needs image:' });
    }
    try {
        await context.images.provide(imageToRun, spec.image === undefined);
    }
    catch (error) {
        if (context.signal?.aborted)
            throw new src_errors/* CancelledError */.cc();
        return result({ passed: false, reason: (0,src_errors/* messageOf */.bD)(error) });
    }
    // Creating and starting get the entry's timeout; the container's own time then counts from its start,
    // so a slow create on a busy engine does not eat into it.
    let timeout = (0,signals/* deadline */.nl)(spec.timeoutMs, new EntryTimeout(), context.signal);
    let signal = timeout.signal;
    const record = {
        id: '',
        name: containerName(context.runId, spec.name),
        command: '',
        created: '',
        state: 'not created',
        ports: [],
        removed: false
    };
    let container;
    let exitWatch;
    let follow;
    let phase = 'creating the container';
    let lastAnswer;
    let verdict;
    try {
        const bindings = (0,smoke_ports/* portBindings */.wJ)(spec.ports);
        container = await context.docker.createContainer({
            name: record.name,
            Image: imageToRun,
            ...(spec.command ? { Cmd: spec.command } : {}),
            ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
            Env: Object.entries(spec.env).map(([name, value]) => `${name}=${value}`),
            ...(spec.user ? { User: spec.user } : {}),
            ...(spec.workdir ? { WorkingDir: spec.workdir } : {}),
            Labels: { ...context.labels, 'io.docker-preflight.smoke-entry': spec.name },
            Tty: false,
            ExposedPorts: bindings.ExposedPorts,
            // No AutoRemove: wait, logs and remove answer 404 once such a container exits.
            HostConfig: { PortBindings: bindings.PortBindings, AutoRemove: false },
            abortSignal: signal
        });
        record.id = container.id;
        record.state = 'created';
        phase = 'starting it';
        // Registered before start, with next-exit: the default condition answers 0 at once for a container
        // that has not started yet.
        exitWatch = await watchExit(container, signal);
        await container.start({ abortSignal: signal });
        record.state = 'running';
        timeout.dispose();
        timeout = (0,signals/* deadline */.nl)(spec.timeoutMs, new EntryTimeout(), context.signal);
        signal = timeout.signal;
        follow = await followOutput(container, output, signal);
        const info = await (0,signals/* abortable */.ZC)(container.inspect({ abortSignal: signal }), signal);
        const ports = (0,smoke_ports/* publishedPorts */.LQ)(info.NetworkSettings?.Ports);
        record.ports = ports.map(smoke_ports/* describePort */.Rf);
        record.created = info.Created;
        record.command = (0,shell_quote.quote)([info.Path, ...(info.Args ?? [])].filter(word => word !== ''));
        const exited = (0,signals/* abortable */.ZC)(exitWatch.exited, signal);
        exited.catch(() => { });
        if (spec.ready) {
            phase = 'waiting to be ready';
            verdict = await untilReady(spec, { container, ports, exited, signal, logWatch: watches.ready, expectWatch: watches.expect, reference }, a => {
                lastAnswer = a;
            });
        }
        else {
            phase = spec.settleMs ? 'settling' : 'waiting for it to exit';
            // The settle timer ends with the race: a pending one would hold the process open after the run.
            const settled = new AbortController();
            const status = spec.settleMs
                ? await Promise.race([
                    exited,
                    (0,signals/* sleep */.yy)(spec.settleMs, AbortSignal.any([signal, settled.signal]))
                ]).finally(() => settled.abort())
                : await exited;
            if (!status) {
                verdict = { passed: true, reason: `still running after ${(0,signals/* formatDuration */.a3)(spec.settleMs)}` };
            }
            else {
                record.state = 'exited';
                await drain(follow, signal);
                verdict = judgeExit(status, spec, watches);
            }
        }
        if (verdict.passed && watches.reject?.matched) {
            verdict = {
                ...verdict,
                passed: false,
                reason: `output matched reject-output ${(0,smoke_spec/* showPattern */.uz)(spec.rejectOutput)}`
            };
        }
    }
    catch (error) {
        if (context.signal?.aborted)
            verdict = { passed: false, reason: 'cancelled' };
        else if (signal.reason instanceof EntryTimeout) {
            const what = phase === 'waiting for it to exit' || phase === 'settling' ? '' : ` ${phase}`;
            const last = lastAnswer ? ` (last: ${lastAnswer.detail})` : '';
            verdict = { passed: false, reason: `timed out after ${(0,signals/* formatDuration */.a3)(spec.timeoutMs)}${what}${last}` };
        }
        else if (error instanceof EngineLostError)
            verdict = { passed: false, reason: error.message };
        else if (connectionLost(error))
            verdict = { passed: false, reason: engineMessage(error, `while ${phase}`) };
        else
            verdict = { passed: false, reason: `failed ${phase}: ${engineMessage(error, phase)}` };
    }
    finally {
        timeout.dispose();
    }
    exitWatch?.close();
    follow?.close();
    if (container) {
        const cleanupSignal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
        if (context.cleanup || context.signal?.aborted) {
            const removal = await removeQuietly(container, cleanupSignal);
            record.removed = removal.removed;
            if (!removal.removed)
                verdict.reason += `; it could not be removed: ${removal.error}`;
            // After a cancel the log is all the user gets: say the container is gone.
            else if (context.signal?.aborted)
                verdict.reason += `; removed container ${record.name}`;
        }
        else if (record.state !== 'exited') {
            // Kept for inspection, but stopped. Also after a start call cut short by the deadline: the engine
            // may have started the container after we stopped waiting (a kill of one that never ran is a 409).
            await killQuietly(container, cleanupSignal).catch(() => { });
        }
    }
    return result(verdict, record.id ? record : undefined);
}
async function untilReady(spec, context, onAnswer) {
    const strategy = strategyFor(spec.ready, {
        container: context.container,
        image: context.reference,
        ports: context.ports,
        logWatch: context.logWatch
    });
    if (typeof strategy === 'string') {
        // A container that exits at once has no published ports left to inspect: say it exited.
        const status = await Promise.race([context.exited, (0,signals/* sleep */.yy)(1000, context.signal).then(() => undefined)]);
        if (status) {
            return {
                passed: false,
                exitCode: status.statusCode,
                reason: `exited ${status.statusCode} before it was ready`
            };
        }
        return { passed: false, reason: `cannot wait to be ready: ${strategy}` };
    }
    // The poll stops when the container exits first (or at the deadline).
    const stopPolling = new AbortController();
    const pollSignal = AbortSignal.any([context.signal, stopPolling.signal]);
    const outcome = await Promise.race([
        context.exited.then(status => ({ kind: 'exited', status })),
        waitUntilReady(strategy, pollSignal, onAnswer).then(answer => ({ kind: 'answer', answer }))
    ]).finally(() => stopPolling.abort());
    if (outcome.kind === 'exited') {
        return {
            passed: false,
            exitCode: outcome.status.statusCode,
            reason: `exited ${outcome.status.statusCode} before it was ready (waiting for ${strategy.description})`
        };
    }
    if (!outcome.answer.ready)
        return { passed: false, reason: outcome.answer.detail };
    if (context.expectWatch && !(await matchedSoon(context.expectWatch, context.signal))) {
        return {
            passed: false,
            reason: `ready, but the output did not match ${(0,smoke_spec/* showPattern */.uz)(context.expectWatch.pattern)}`
        };
    }
    return { passed: true, reason: `ready: ${outcome.answer.detail}` };
}
/**
 * A service's expect-output is judged on the output seen by the time it is ready, plus a moment for
 * the log stream to catch up with what was written just before.
 */
async function matchedSoon(watch, signal) {
    for (let waited = 0; !watch.matched && waited < 1000; waited += 100)
        await (0,signals/* sleep */.yy)(100, signal);
    return watch.matched;
}
function judgeExit(status, spec, watches) {
    const code = status.statusCode;
    const problems = [];
    if (code !== spec.expectExitCode)
        problems.push(`exited ${code}, expected ${spec.expectExitCode}`);
    if (watches.reject?.matched)
        problems.push(`output matched reject-output ${(0,smoke_spec/* showPattern */.uz)(spec.rejectOutput)}`);
    if (watches.expect && !watches.expect.matched) {
        problems.push(`${problems.length ? 'output' : `exited ${code} but the output`} did not match ${(0,smoke_spec/* showPattern */.uz)(spec.expectOutput)}`);
    }
    if (problems.length > 0)
        return { passed: false, exitCode: code, reason: problems.join('; ') };
    const matched = watches.expect ? ` and output matched ${(0,smoke_spec/* showPattern */.uz)(spec.expectOutput)}` : '';
    return { passed: true, exitCode: code, reason: `exited ${code}${matched}` };
}
/**
 * Lets the log stream deliver what the container wrote before it exited. The engine may need a while to
 * read back a large log, so this waits for the stream's end, bounded by the entry's deadline (then the
 * verdict uses what arrived).
 */
async function drain(follow, signal) {
    await (0,signals/* abortable */.ZC)(follow.ended, signal).catch(() => { });
}
/** `preflight-<runId>-<entry>`, within Docker's name rules. */
function containerName(runId, entry) {
    return `preflight-${runId}-${entry}`.replace(/[^a-zA-Z0-9_.-]+/g, '-');
}

;// CONCATENATED MODULE: ./src/smoke/pull.ts





class ImageUnavailableError extends src_errors/* PreflightError */.wG {
    constructor(message) {
        super(message);
        this.name = 'ImageUnavailableError';
    }
}
/** Pulls each reference at most once per run, however many entries use it. */
class ImageProvider {
    docker;
    policy;
    log;
    signal;
    pending = new Map();
    constructor(docker, policy, log, signal) {
        this.docker = docker;
        this.policy = policy;
        this.log = log;
        this.signal = signal;
    }
    /** `local`: an image this run built (or an ID), never pulled whatever the policy. */
    provide(reference, local = false) {
        const key = `${local ? 'local' : 'ref'}:${reference}`;
        let pending = this.pending.get(key);
        if (!pending) {
            pending = this.resolve(reference, local);
            pending.catch(() => { });
            this.pending.set(key, pending);
        }
        return pending;
    }
    async resolve(reference, local) {
        const isId = /^(sha256:)?[a-f0-9]{64}$/.test(reference);
        if (local || isId || this.policy === 'never') {
            const facts = await inspectImage(this.docker, reference, this.signal);
            if (facts)
                return facts;
            if (local || isId)
                throw new ImageUnavailableError(`image "${reference}" is not on the engine`);
            throw new ImageUnavailableError(`image "${reference}" is not on the engine, and pull-policy is never`);
        }
        if (this.policy === 'missing') {
            const facts = await inspectImage(this.docker, reference, this.signal);
            if (facts)
                return facts;
        }
        await pullImage(this.docker, reference, this.log, this.signal);
        const facts = await inspectImage(this.docker, reference, this.signal);
        if (!facts)
            throw new ImageUnavailableError(`image "${reference}" was pulled but is not on the engine`);
        return facts;
    }
}
async function inspectImage(docker, reference, signal) {
    try {
        // Image inspect takes no AbortSignal in dockerode 5: race it against the signal instead.
        const info = await (0,signals/* abortable */.ZC)(docker.getImage(reference).inspect(), signal);
        const test = info.Config?.Healthcheck?.Test;
        return {
            id: info.Id,
            reference,
            healthcheck: test && test.length > 0 && test[0] !== 'NONE' ? test : undefined,
            exposedPorts: Object.keys(info.Config?.ExposedPorts ?? {})
        };
    }
    catch (error) {
        if ((0,src_errors/* errorCode */.CA)(error) === 404)
            return undefined;
        if (signal?.aborted)
            throw new src_errors/* CancelledError */.cc();
        throw new ImageUnavailableError(`image "${reference}" could not be inspected: ${engineMessage(error, 'inspecting it')}`);
    }
}
const PROGRESS_EVERY_MS = 2000;
/** Pulls one reference; rejects with ImageUnavailableError naming what the registry said. */
async function pullImage(docker, reference, log, signal) {
    const started = Date.now();
    log.progress(`Pulling ${reference}`);
    let stream;
    try {
        stream = (await docker.pull(reference, { abortSignal: signal }));
    }
    catch (error) {
        if (signal?.aborted)
            throw new src_errors/* CancelledError */.cc();
        throw new ImageUnavailableError(`image "${reference}" could not be pulled: ${engineMessage(error, 'pulling it')}`);
    }
    const layers = new Map();
    let lastStatus = '';
    let lastShown = Date.now();
    const onEvent = (event) => {
        if (event.error || event.errorDetail)
            throw new Error(event.errorDetail?.message ?? event.error);
        if (event.status?.startsWith('Status:') || event.status?.startsWith('Digest:'))
            lastStatus = event.status;
        if (event.id && event.status && /^[a-f0-9]{12}$/.test(event.id)) {
            const layer = layers.get(event.id) ?? { current: 0, total: 0, done: false };
            if (event.progressDetail?.total) {
                layer.current = event.progressDetail.current ?? layer.current;
                layer.total = event.progressDetail.total;
            }
            if (/complete|Already exists/i.test(event.status))
                layer.done = true;
            layers.set(event.id, layer);
        }
        if (Date.now() - lastShown >= PROGRESS_EVERY_MS) {
            lastShown = Date.now();
            log.progress(`Pulling ${reference}: ${describeLayers(layers)}`);
        }
    };
    await new Promise((resolve, reject) => {
        const lines = new LineSplitter(); // keeps a partial line, and a UTF-8 character split across chunks
        let settled = false;
        const finish = (error) => {
            if (settled)
                return;
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            if (error) {
                stream.destroy();
                reject(error);
            }
            else
                resolve();
        };
        const onAbort = () => finish(new src_errors/* CancelledError */.cc());
        signal?.addEventListener('abort', onAbort, { once: true });
        stream.on('data', (chunk) => {
            for (const raw of lines.push(chunk)) {
                const line = raw.trim();
                if (line === '')
                    continue;
                try {
                    onEvent(JSON.parse(line));
                }
                catch (error) {
                    const message = error instanceof SyntaxError ? `the engine sent a malformed progress line` : (0,src_errors/* messageOf */.bD)(error);
                    finish(new ImageUnavailableError(`image "${reference}" could not be pulled: ${message}`));
                    return;
                }
            }
        });
        stream.on('end', () => finish());
        stream.on('error', () => finish(new EngineLostError(`while pulling ${reference}`)));
        stream.on('close', () => finish(new EngineLostError(`while pulling ${reference}`)));
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log.progress(`Pulled ${reference} in ${seconds}s: ${describeLayers(layers)}${lastStatus ? ` (${lastStatus})` : ''}`);
}
function describeLayers(layers) {
    const all = [...layers.values()];
    const done = all.filter(l => l.done).length;
    const current = all.reduce((sum, l) => sum + (l.done ? l.total : l.current), 0);
    const total = all.reduce((sum, l) => sum + l.total, 0);
    const size = total > 0 ? `, ${megabytes(current)}/${megabytes(total)} MB` : '';
    return `${done}/${all.length} layers${size}`;
}
function megabytes(n) {
    return (n / 1e6).toFixed(1);
}

;// CONCATENATED MODULE: ./src/smoke/run.ts






/**
 * The smoke stage: runs each entry (or the defaults) at most `parallel` at a time, and judges them.
 * Entries that name their own image (hello-world among the defaults) start at once, even while the build
 * runs; those that run the built image wait for it. Every container is removed once judged unless
 * `cleanup` is off. Each container's output tail is printed after its verdict, in one untrusted block
 * written at once (never open across an await, so parallel containers' blocks never overlap). Rejects
 * only with CancelledError, after removing what it created.
 */
async function runSmoke(input) {
    const { docker, options, log, signal } = input;
    const started = Date.now();
    (0,src_errors/* throwIfAborted */.Te)(signal);
    const images = new ImageProvider(docker, options.pullPolicy, log, signal);
    const build = input.build ?? Promise.resolve({ image: input.builtImage, failed: false });
    const slots = new Slots(options.parallel);
    const context = {
        docker,
        images,
        labels: input.labels,
        runId: input.env.runId,
        cleanup: options.cleanup,
        signal
    };
    const run = (spec, builtImage) => slots.run(signal, async () => {
        const result = await runEntry(spec, { ...context, builtImage });
        report(result, log);
        return result;
    });
    const listed = options.entries;
    if (listed?.length === 0)
        log.info('Smoke: no containers (the smoke input is an empty list)');
    const now = listed ? listed.filter(spec => spec.image !== undefined) : [helloWorldEntry(options.timeoutMs)];
    if (now.length > 0)
        log.info(`Smoke: ${containers(now)} starting, ${options.parallel} at a time`);
    const running = new Map(now.map(spec => [spec, run(spec)]));
    const outcome = await build;
    const later = listed
        ? listed.filter(spec => spec.image === undefined)
        : outcome.image && !signal?.aborted
            ? [await builtImageEntry(outcome.image, images, options.timeoutMs)]
            : [];
    if (later.length > 0 && outcome.failed) {
        log.info(`Smoke: ${containers(later)} not run: the build failed, so there is no image to run`);
    }
    else if (later.length > 0) {
        log.info(`Smoke: ${containers(later)} with the built image`);
        for (const spec of later)
            running.set(spec, run(spec, outcome.image));
    }
    // Every started container is awaited (each removes its own) before a cancel or an error goes up.
    const settled = await Promise.allSettled(running.values());
    if (signal?.aborted)
        throw new src_errors/* CancelledError */.cc();
    const rejected = settled.find(s => s.status === 'rejected');
    if (rejected)
        throw rejected.reason;
    // In the order the entries were given, whenever each finished.
    const results = [];
    for (const spec of listed ?? [...now, ...later]) {
        const result = running.get(spec);
        if (result)
            results.push(await result);
    }
    return { results, passed: results.every(r => r.passed), durationMs: Date.now() - started };
}
function containers(specs) {
    const names = specs.map(spec => spec.name).join(', ');
    return `${specs.length} container${specs.length === 1 ? '' : 's'} (${names})`;
}
function report(result, log) {
    const mark = result.passed ? '✓' : '✗';
    log.info(`${mark} ${result.name} (${result.image}) ${result.passed ? 'passed' : 'FAILED'} in ${(0,signals/* formatDuration */.a3)(result.durationMs)}: ${result.reason}`);
    if (result.outputTail === '') {
        log.info(`  ${result.name} wrote no output`);
        return;
    }
    const limit = `last ${TAIL_BYTES / 1024} KiB`;
    const block = log.untrusted(`Output of ${result.name}${result.outputTruncated ? ` (${limit})` : ''}`);
    try {
        block.write(result.outputTail);
    }
    finally {
        block.close();
    }
}
/** At most `count` tasks at once, shared by the entries that start early and those that wait. */
class Slots {
    free;
    waiting = [];
    constructor(count) {
        this.free = Math.max(1, count);
    }
    /** Runs `task` in a free slot; once `signal` aborts, no task that has not started will. */
    async run(signal, task) {
        if (this.free > 0)
            this.free--;
        else
            await new Promise(resolve => this.waiting.push(resolve));
        try {
            (0,src_errors/* throwIfAborted */.Te)(signal);
            return await task();
        }
        finally {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.free++;
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline.ts













/**
 * Runs the stages: a ping, then the engine check, the build and the smoke stage side by side (smoke
 * entries that run the built image wait for it), then inventory and drift. Each stage is a plain function
 * over typed inputs; this function only wires them and collects failures. An engine that cannot be
 * reached throws (nothing else can run); every other failure is recorded and the run goes on, so the
 * report shows as much as can be known.
 */
async function runPipeline(config, env, deps) {
    const { log, signal } = deps;
    const started = Date.now();
    const endpoint = (0,connect/* resolveEndpoint */.sO)(config.engine.dockerHost, deps.processEnv ?? process.env);
    const docker = (0,connect/* connect */.Ng)(endpoint);
    const failures = [];
    const timings = [];
    // Everything needs an engine that answers: that is settled first (usually already, by the early ping),
    // inside the Engine group. Then the engine check, the build, and the smoke entries that do not need the
    // built image (hello-world) run side by side. The build's log is held until the Engine group is written,
    // the smoke stage's until the build's is, so no stage's lines land inside another's group.
    let markReachable;
    const reachable = new Promise(resolve => (markReachable = resolve));
    const checking = log.group('Engine', async () => {
        const result = await (0,check/* checkEngine */.Xx)({
            docker,
            endpoint,
            options: config.engine,
            log,
            signal,
            earlyPing: deps.earlyPing,
            onReachable: markReachable
        });
        logEngine(result, log);
        return result;
    });
    checking.catch(() => { });
    // Rejects when the ping fails: nothing else is started.
    await Promise.race([reachable, checking]);
    const stages = (0,signals/* childController */.xM)(signal);
    const buildLog = new DeferredLog(log);
    const smokeLog = new DeferredLog(log);
    const building = buildImage({
        docker,
        options: config.build,
        env,
        log: buildLog,
        signal: stages.controller.signal,
        labels: (0,labels/* runLabels */.xU)(env.runId, 'build')
    });
    const smoking = runSmoke({
        docker,
        options: config.smoke,
        build: building.then(result => ({ image: builtImageOf(result), failed: result.status === 'failed' }), () => ({ failed: true })),
        env,
        log: smokeLog,
        signal: stages.controller.signal,
        labels: (0,labels/* runLabels */.xU)(env.runId, 'smoke')
    });
    // Handled here too: they may reject (cancel) before they are awaited.
    building.catch(() => { });
    smoking.catch(() => { });
    let engine;
    let build;
    try {
        engine = await checking;
        buildLog.release();
        build = await building;
    }
    catch (error) {
        // The engine check failed, or the run was cancelled: the other stages stop and remove what they
        // started before the error goes up. After a cancel their lines say what was removed; after an engine
        // failure they would only repeat it.
        stages.controller.abort(error);
        await Promise.allSettled([building, smoking]);
        if (signal?.aborted) {
            buildLog.release();
            smokeLog.release();
        }
        stages.dispose();
        throw error;
    }
    timings.push({ label: 'engine check', ms: engine.durationMs });
    failures.push(...engine.failures);
    // Disk use is one more fact for the audit: when the engine cannot give it, the run says so and goes on.
    const diskUsagePromise = config.audit.diskUsage
        ? api/* api */.F.df(docker, signal).catch((error) => {
            log.warning(`Could not read the engine's disk use: ${engineMessage(error, 'reading /system/df')}`);
            return undefined;
        })
        : undefined;
    if (build.status !== 'skipped')
        timings.push({ label: 'build', ms: build.durationMs });
    if (build.status === 'failed') {
        const failure = build.failure;
        failures.push(`Build failed: ${failure?.message ?? 'unknown error'}`);
        // The red X on the PR points at the Dockerfile line that failed.
        if (failure) {
            log.error(failure.message, {
                title: failure.instruction ? `Build failed at ${failure.instruction}` : 'Build failed',
                file: failure.file,
                startLine: failure.line
            });
        }
    }
    // The build's own lines (its failure annotation included) come first, then the smoke stage's.
    smokeLog.release();
    // The stages follow the run's cancel signal until the last of them is done.
    const smoke = await smoking.finally(() => stages.dispose());
    for (const result of smoke?.results ?? []) {
        timings.push({ label: `smoke: ${result.name}`, ms: result.durationMs });
        if (!result.passed)
            failures.push(`Smoke container "${result.name}" failed: ${result.reason}`);
    }
    const leftoversPromise = config.report.scope === 'all' ? (0,audit_leftovers/* findLeftovers */.Q)({ docker, runId: env.runId, signal }) : undefined;
    const inventory = await takeInventory({
        docker,
        scope: config.report.scope,
        runId: env.runId,
        build,
        smoke,
        usedImages: [...new Set(smoke?.results.map(r => r.image) ?? [])],
        signal
    });
    const sizeFailure = checkImageSize({ maxBytes: config.report.maxImageSizeBytes, build, inventory });
    if (sizeFailure)
        failures.push(sizeFailure);
    const diskUsage = await diskUsagePromise;
    const leftovers = await leftoversPromise;
    if (leftovers?.error)
        log.warning(leftovers.error);
    const drift = await compareWithBaseline({ facts: engine.facts, diskUsage, options: config.audit });
    if (drift)
        logDrift(drift, log);
    if (drift?.error)
        failures.push(drift.error);
    if (drift && drift.failing.length > 0) {
        failures.push(`Engine drifted from the baseline: ${describeDrift(drift.failing)}`);
    }
    return {
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        endpoint: endpoint.display,
        engine,
        diskUsage,
        build,
        smoke,
        inventory,
        drift,
        leftovers,
        failures,
        timings
    };
}
function builtImageOf(build) {
    return build.status === 'built' && build.imageId
        ? { id: build.imageId, reference: build.tags[0] ?? build.imageId }
        : undefined;
}
/** The comparison in the log: warnings for no baseline or drift, the details as untrusted text. */
function logDrift(drift, log) {
    // An error is reported as the step's failure; only the first-run case is a warning.
    if (drift.message && !drift.error)
        log.warning(drift.message);
    for (const note of drift.notes ?? [])
        log.warning(note);
    if (drift.status !== 'compared')
        return;
    if (drift.items.length === 0) {
        log.info(`No drift from the baseline (${drift.comparedFields?.length ?? 0} facts compared).`);
        return;
    }
    const notFailing = drift.items.filter(item => !drift.failing.includes(item));
    if (notFailing.length > 0)
        log.warning(`Engine drifted from the baseline: ${describeDrift(notFailing)}`);
    // Values come from the engine and the baseline file: printed as untrusted text.
    const block = log.untrusted(`Drift from the baseline (${drift.items.length})`);
    try {
        for (const item of drift.items)
            block.write(`${item.field}: ${item.was} → ${item.now}\n`);
    }
    finally {
        block.close();
    }
}
function logEngine(result, log) {
    const { facts } = result;
    const info = facts.info;
    log.info(`Endpoint:        ${facts.endpoint}`);
    log.info(`Server version:  ${facts.serverVersion} (API ${facts.apiVersion})`);
    log.info(`Client version:  ${facts.clientVersion ?? 'no docker CLI found'}`);
    log.info(`OS/arch:         ${facts.os}/${facts.arch}, kernel ${facts.kernelVersion}`);
    log.info(`Storage driver:  ${String(info.Driver ?? '')}`);
    log.info(`Cgroup:          ${String(info.CgroupDriver ?? '')} v${String(info.CgroupVersion ?? '?')}`);
    log.info(`Default runtime: ${String(info.DefaultRuntime ?? '')}`);
    log.info(`Security:        ${info.SecurityOptions?.join(', ') ?? ''}`);
    for (const outcome of result.conditions) {
        log.info(`require-info ${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.condition.source} (${outcome.actual})`);
    }
    for (const failure of result.failures)
        log.error(failure);
}


/***/ }),

/***/ 32585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ tailOf),
/* harmony export */   FY: () => (/* binding */ shareBudget),
/* harmony export */   Xb: () => (/* binding */ SUMMARY_BUDGET_BYTES),
/* harmony export */   cR: () => (/* binding */ TAILS_BUDGET_BYTES),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   zV: () => (/* binding */ fitRows)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, TAIL_LINES, TAIL_CHARS */
// The runner drops a step's whole job summary when it passes 1 MiB. The summary is rendered to a budget
// well under that: bounded parts first, then the images and containers tables share what is left, row by
// row, and say how many rows they left out.
/** GitHub's limit for one step's summary. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** What renderSummary aims for, leaving room for the post step's line and for safety. */
const SUMMARY_BUDGET_BYTES = 800 * 1024;
/** Every smoke output tail in the summary together. */
const TAILS_BUDGET_BYTES = 160 * 1024;
/** One smoke output tail in the summary: at most this many lines and bytes (the end is kept). */
const TAIL_LINES = 60;
const TAIL_CHARS = 8 * 1024;
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** The leading rows that fit in `budget` bytes, in order. */
function fitRows(rows, budget) {
    let bytes = 0;
    let i = 0;
    for (; i < rows.length; i++) {
        const size = byteLength(rows[i]);
        if (bytes + size > budget)
            break;
        bytes += size;
    }
    return { rows: i === rows.length ? rows : rows.slice(0, i), bytes, omitted: rows.length - i };
}
/**
 * Splits `budget` between two lists of rows: when both fit, both are whole; otherwise the smaller one
 * gets what it needs up to half, and the other the rest.
 */
function shareBudget(a, b, budget) {
    const sizeA = a.reduce((sum, row) => sum + byteLength(row), 0);
    const sizeB = b.reduce((sum, row) => sum + byteLength(row), 0);
    if (sizeA + sizeB <= budget) {
        return [
            { rows: a, bytes: sizeA, omitted: 0 },
            { rows: b, bytes: sizeB, omitted: 0 }
        ];
    }
    const half = Math.floor(budget / 2);
    if (sizeA <= sizeB) {
        const first = fitRows(a, Math.min(sizeA, half));
        return [first, fitRows(b, budget - first.bytes)];
    }
    const second = fitRows(b, Math.min(sizeB, half));
    return [fitRows(a, budget - second.bytes), second];
}
/** The end of an output: the last `lines` lines, at most `chars` characters; says whether it cut. */
function tailOf(text, lines = TAIL_LINES, chars = TAIL_CHARS) {
    let tail = text.replace(/\s+$/, '');
    let cut = false;
    if (tail.length > chars) {
        tail = tail.slice(-chars);
        const firstBreak = tail.indexOf('\n');
        if (firstBreak >= 0 && firstBreak < tail.length - 1)
            tail = tail.slice(firstBreak + 1);
        cut = true;
    }
    const split = tail.split(/\r?\n/);
    if (split.length > lines) {
        tail = split.slice(-lines).join('\n');
        cut = true;
    }
    return { text: tail, cut };
}


/***/ }),

/***/ 14031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   MZ: () => (/* binding */ codeCell),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   _b: () => (/* binding */ mermaidLabel),
/* harmony export */   eR: () => (/* binding */ terminalText),
/* harmony export */   j2: () => (/* binding */ escapePre),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* harmony import */ var _log_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41168);

// The job summary is Markdown with HTML; core.summary escapes nothing. Every untrusted string (image
// names, labels, commands, container output, daemon warnings) goes through one of these first.
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const entity = (c) => HTML[c] ?? `&#${c.charCodeAt(0)};`;
/** Safe inside HTML elements and attributes. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, entity);
}
/**
 * Safe inside a summary table cell or a line of Markdown: HTML-escaped, and Markdown's active characters
 * turned into entities so `|`, backticks, `*`, `_`, `[`, `]` and friends are shown, not obeyed. Line
 * breaks become spaces so a cell cannot end a table row. One pass, so no entity is escaped twice.
 */
function escapeMarkdown(text) {
    return withoutControls(text)
        .replace(/[&<>"'\\`*_{}[\]()#+\-!|~:]/g, entity)
        .replace(/\r\n?|\n/g, ' ');
}
/** Colour codes and control characters (a bell, a backspace) mean nothing in a summary: dropped. */
function withoutControls(text) {
    // eslint-disable-next-line no-control-regex
    return (0,_log_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .stripAnsi */ .aJ)(text).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
}
/**
 * Untrusted multi-line text for a <pre> block. HTML-escaped so `</pre>` or `<details>` stay text; the
 * characters Markdown acts on become entities too (they render the same inside <pre>), so the text stays
 * inert even if a renderer ended the HTML block early.
 */
function escapePre(text) {
    return withoutControls(text).replace(/[&<>"'\\`*_[\]|~]/g, entity);
}
/** At most `max` characters, with an ellipsis when cut; for bounding untrusted cells before escaping. */
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** An untrusted value for a table cell: one line, at most `max` characters, escaped. */
function cell(text, max = 200) {
    return escapeMarkdown(truncate(text.replace(/\s+/g, ' ').trim(), max));
}
/** An untrusted value as inline code in a cell (escaped; entities render inside <code>). */
function codeCell(text, max = 200) {
    return `<code>${cell(text, max)}</code>`;
}
/**
 * A label inside a Mermaid block. Mermaid has its own syntax (quotes end a label, `;` and newlines end a
 * statement, brackets open shapes, `#...;` is an entity, `%%` a comment) and the block sits in Markdown,
 * where a backtick run could close the fence. Only letters, digits and a few harmless punctuation marks
 * survive; everything else becomes a space.
 */
function mermaidLabel(text, max = 40) {
    const safe = text
        .replace(/[^\p{L}\p{N} ._\-/:@=+,]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return truncate(safe, max) || 'unnamed';
}
/**
 * Untrusted text for a terminal: escape sequences and control characters removed (they could move the
 * cursor, clear the screen or recolour the terminal). Newlines stay when `multiline`, else become spaces.
 */
function terminalText(text, multiline = false) {
    const stripped = (0,_log_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .stripAnsi */ .aJ)(text).replace(/\r\n?/g, '\n');
    // eslint-disable-next-line no-control-regex
    const clean = stripped.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '');
    return multiline ? clean : clean.replace(/[\n\t]+/g, ' ');
}


/***/ }),

/***/ 12011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Yq: () => (/* binding */ formatDate),
/* harmony export */   _V: () => (/* binding */ formatMs),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
// Numbers and dates as people read them, shared by the summary and the text report.
/** Decimal units, as `docker image ls` shows sizes. */
function formatBytes(n) {
    if (n === undefined || !Number.isFinite(n) || n < 0)
        return '?';
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = n;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(value < 10 ? 2 : 1)}${units[unit]}`;
}
/** `850 ms`, `2.4 s`, `3 m 12 s`. */
function formatMs(ms) {
    if (ms === undefined || !Number.isFinite(ms) || ms < 0)
        return '?';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const seconds = Math.round(ms / 1000);
    return `${Math.floor(seconds / 60)} m ${seconds % 60} s`;
}
/** `2024-05-01 12:34:56` (UTC) from an ISO string; the input itself when it is not a date. */
function formatDate(iso) {
    return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso;
}
function plural(n, noun, nouns = `${noun}s`) {
    return `${n.toLocaleString('en-US')} ${n === 1 ? noun : nouns}`;
}


/***/ }),

/***/ 32794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   wr: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
/* unused harmony export REPORT_SCHEMA_VERSION */
/** Bumped when a field changes meaning or disappears; adding fields does not bump it. */
const REPORT_SCHEMA_VERSION = 1;
const TOOL_VERSION = '0.1.0';
function buildReport(run, env) {
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool: { name: 'docker-preflight', version: TOOL_VERSION },
        runId: env.runId,
        repository: env.repository,
        sha: env.sha,
        verdict: run.failures.length === 0 ? 'passed' : 'failed',
        failures: run.failures,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        durationMs: run.durationMs,
        endpoint: run.endpoint,
        engine: run.engine,
        diskUsage: run.diskUsage,
        build: run.build,
        smoke: run.smoke,
        inventory: run.inventory,
        drift: run.drift,
        leftovers: run.leftovers,
        timings: run.timings
    };
}


/***/ }),

/***/ 93952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ onTermination)
/* harmony export */ });
function onTermination(notify = () => { }) {
    const controller = new AbortController();
    let received = 0;
    const handler = (signalName) => {
        received++;
        if (received === 1) {
            notify(signalName);
            controller.abort(new Error(`received ${signalName}`));
        }
        else {
            process.exit(signalName === 'SIGINT' ? 130 : 143);
        }
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        }
    };
}


/***/ }),

/***/ 329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ readEnvironment)
/* harmony export */ });
/* unused harmony export newRunId */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


/** Reads where the run happens from the process environment; the only place that looks at GITHUB_*. */
function readEnvironment(env, runId) {
    const actions = env.GITHUB_ACTIONS === 'true';
    return {
        actions,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        repository: env.GITHUB_REPOSITORY || undefined,
        sha: env.GITHUB_SHA || undefined,
        tempDir: env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(),
        runId: runId ?? newRunId(env)
    };
}
/** Unique per run and attempt, readable on the engine: `<run id>-<attempt>-<random>` in Actions. */
function newRunId(env) {
    const random = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex');
    return env.GITHUB_RUN_ID
        ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${random}`
        : `local-${random}`;
}


/***/ }),

/***/ 50970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZC: () => (/* binding */ abortable),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   nl: () => (/* binding */ deadline),
/* harmony export */   xM: () => (/* binding */ childController),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
// Small helpers for deadlines and cancellation as AbortSignals.
//
// Why not AbortSignal.any([parent, AbortSignal.timeout(ms)])? On Node 20 the timeout signal inside it is
// held only weakly and can be garbage collected before it fires (nodejs/node#57736): the deadline then
// never comes, and a call to an engine that stopped answering hangs. Seen here in the engine check under
// load. `deadline` keeps its own timer, which holds its controller strongly.
/** Rejects with the signal's reason as soon as it aborts, for calls that take no signal themselves. */
function abortable(promise, signal) {
    if (!signal)
        return promise;
    if (signal.aborted) {
        promise.catch(() => { });
        return Promise.reject(signal.reason);
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(value => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, error => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
/** Resolves after `ms`, or rejects when the signal aborts first. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        // Polls sleep on one signal many times: each sleep takes its listener away again.
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * A signal that aborts after `ms` (with `reason`, a TimeoutError by default) or when `parent` aborts;
 * `dispose` clears the timer. The timer is unref'd: a pending deadline alone does not keep node running.
 */
function deadline(ms, reason = new DOMException('The operation timed out', 'TimeoutError'), parent) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(reason), ms);
    timer.unref();
    const onParentAbort = () => controller.abort(parent?.reason);
    if (parent?.aborted)
        controller.abort(parent.reason);
    else
        parent?.addEventListener('abort', onParentAbort, { once: true });
    return {
        signal: controller.signal,
        dispose: () => {
            clearTimeout(timer);
            parent?.removeEventListener('abort', onParentAbort);
        }
    };
}
/** A controller that also aborts when `parent` does; `dispose` stops following the parent. */
function childController(parent) {
    const controller = new AbortController();
    const onParentAbort = () => controller.abort(parent?.reason);
    if (parent?.aborted)
        controller.abort(parent.reason);
    else
        parent?.addEventListener('abort', onParentAbort, { once: true });
    return { controller, dispose: () => parent?.removeEventListener('abort', onParentAbort) };
}
/** `2s`, `1m30s`, `500ms`: durations as the reasons show them. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const seconds = Math.round(ms / 100) / 10;
    if (seconds < 60)
        return `${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    const rest = Math.round(seconds - minutes * 60);
    return rest ? `${minutes}m${rest}s` : `${minutes}m`;
}


/***/ }),

/***/ 58973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ parsePortMapping),
/* harmony export */   LQ: () => (/* binding */ publishedPorts),
/* harmony export */   Rf: () => (/* binding */ describePort),
/* harmony export */   Zj: () => (/* binding */ connectHost),
/* harmony export */   wJ: () => (/* binding */ portBindings)
/* harmony export */ });
/* unused harmony exports PORT_EXPECTED, portKey */
const PORT_MAPPING = /^(?:(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d*):)?(\d+)(?:\/(tcp|udp))?$/i;
const PORT_EXPECTED = 'is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")';
/** A PortSpec, or why the text is not one. */
function parsePortMapping(text) {
    const match = PORT_MAPPING.exec(text.trim());
    if (!match)
        return PORT_EXPECTED;
    const [, hostIp, hostRaw, containerRaw, protocolRaw] = match;
    const containerPort = Number(containerRaw);
    if (!validPort(containerPort))
        return 'has a container port outside 1-65535';
    const hostPort = hostRaw ? Number(hostRaw) : undefined;
    if (hostPort !== undefined && !validPort(hostPort))
        return 'has a host port outside 1-65535';
    if (hostIp && hostIp.split('.').some(part => Number(part) > 255))
        return 'has an invalid IPv4 address';
    return {
        containerPort,
        hostPort,
        protocol: (protocolRaw?.toLowerCase() ?? 'tcp'),
        ...(hostIp ? { hostIp } : {})
    };
}
function validPort(port) {
    return Number.isInteger(port) && port >= 1 && port <= 65535;
}
function portKey(port) {
    return `${port.containerPort}/${port.protocol}`;
}
/** ExposedPorts and HostConfig.PortBindings for the create call. */
function portBindings(ports) {
    const ExposedPorts = {};
    const PortBindings = {};
    for (const port of ports) {
        const key = portKey(port);
        ExposedPorts[key] = {};
        const binding = {
            HostIp: port.hostIp ?? '127.0.0.1',
            HostPort: port.hostPort ? String(port.hostPort) : ''
        };
        (PortBindings[key] ??= []).push(binding);
    }
    return { ExposedPorts, PortBindings };
}
/** Reads NetworkSettings.Ports from a container inspect. */
function publishedPorts(ports) {
    const result = [];
    for (const [key, bindings] of Object.entries(ports ?? {})) {
        const [port, protocol] = key.split('/');
        for (const binding of bindings ?? []) {
            if (!binding.HostPort)
                continue;
            result.push({
                containerPort: Number(port),
                protocol: protocol === 'udp' ? 'udp' : 'tcp',
                hostIp: binding.HostIp || '127.0.0.1',
                hostPort: Number(binding.HostPort)
            });
        }
    }
    return result;
}
/** `127.0.0.1:49153->80/tcp`, as `docker ps` shows it. */
function describePort(port) {
    return `${port.hostIp}:${port.hostPort}->${port.containerPort}/${port.protocol}`;
}
/** The address to connect to for a published port (0.0.0.0 and :: mean "any": use loopback). */
function connectHost(port) {
    return port.hostIp === '0.0.0.0' || port.hostIp === ''
        ? '127.0.0.1'
        : port.hostIp === '::'
            ? '::1'
            : port.hostIp;
}


/***/ }),

/***/ 77302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BN: () => (/* binding */ nameFromImage),
/* harmony export */   uz: () => (/* binding */ showPattern),
/* harmony export */   xI: () => (/* binding */ parseSmokeList)
/* harmony export */ });
/* unused harmony exports SMOKE_KEYS, READY_KEYS, compilePattern */
/* harmony import */ var shell_quote__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26591);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14581);
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23772);
/* harmony import */ var _ports_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58973);
// The `smoke` input: a YAML list of containers to run and how to judge them. Every problem is collected
// (naming the entry and the key) so one report lists everything wrong before any container starts.





const SMOKE_KEYS = [
    'name',
    'image',
    'command',
    'entrypoint',
    'env',
    'user',
    'workdir',
    'ports',
    'expect-exit-code',
    'expect-output',
    'reject-output',
    'timeout',
    'ready'
];
const READY_KEYS = ['http', 'port', 'log', 'healthy'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const DURATION_EXPECTED = 'is not a duration (expected e.g. 30s, 2m, 1m30s)';
/**
 * Parses the `smoke` input. '' (or a document holding nothing) gives undefined: the defaults. `[]` gives
 * no containers at all. Problems name the entry (`entry #2 "web"`) and the key.
 */
function parseSmokeList(text, defaults, problems, input = 'smoke') {
    if (text.trim() === '')
        return undefined;
    const document = yaml__WEBPACK_IMPORTED_MODULE_1__.parseDocument(text);
    if (document.errors.length > 0) {
        for (const error of document.errors) {
            problems.add(input, text, `is not valid YAML: ${error.message.split('\n')[0].replace(/:$/, '')}`);
        }
        return undefined;
    }
    const value = document.toJS();
    if (value === null || value === undefined)
        return undefined;
    if (!Array.isArray(value)) {
        const got = describeType(value);
        const hint = isMap(value) ? '; start each entry with "- ", e.g. "- image: hello-world"' : '';
        problems.add(input, text, `is not a YAML list of containers (got ${got}${hint})`);
        return undefined;
    }
    const specs = [];
    const before = problems.items.length;
    const usedNames = new Map();
    value.forEach((entry, index) => {
        const spec = parseEntry(entry, index, defaults, problems, input);
        if (!spec)
            return;
        const explicit = isMap(entry) && entry.name !== undefined;
        if (usedNames.has(spec.name)) {
            if (explicit) {
                const first = usedNames.get(spec.name);
                problems.add(input, spec.name, `${location(index, spec.name, 'name')} is already the name of entry #${first}`);
            }
            else {
                let n = 2;
                while (usedNames.has(`${spec.name}-${n}`))
                    n++;
                spec.name = `${spec.name}-${n}`;
            }
        }
        usedNames.set(spec.name, index + 1);
        specs.push(spec);
    });
    return problems.items.length === before ? specs : undefined;
}
function parseEntry(entry, index, defaults, problems, input) {
    if (!isMap(entry)) {
        problems.add(input, show(entry), `${location(index)} is not a map of settings (got ${describeType(entry)}; e.g. "- image: hello-world")`);
        return undefined;
    }
    const image = typeof entry.image === 'string' ? entry.image.trim() : undefined;
    const rawName = isScalar(entry.name) && entry.name !== null ? String(entry.name) : undefined;
    const name = rawName ?? (image ? nameFromImage(image) : 'built-image');
    const before = problems.items.length;
    const problem = (key, value, expected) => problems.add(input, show(value), `${location(index, name, key)} ${expected}`);
    for (const key of Object.keys(entry)) {
        if (SMOKE_KEYS.includes(key))
            continue;
        const suggestion = (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_3__/* .didYouMean */ .a)(key, SMOKE_KEYS);
        problem(undefined, key, suggestion
            ? `is not a known key; did you mean "${suggestion}"?`
            : `is not a known key (expected one of ${SMOKE_KEYS.join(', ')})`);
    }
    if (entry.name !== undefined && (rawName === undefined || !NAME.test(rawName))) {
        problem('name', entry.name, 'is not a name (letters, digits, "_", "." and "-", up to 63, first a letter or digit)');
    }
    if (entry.image !== undefined && (image === undefined || !isImageReference(image))) {
        problem('image', entry.image, 'is not an image reference (e.g. busybox:1.36 or 127.0.0.1:5000/app:tag)');
    }
    const spec = {
        name,
        image,
        env: {},
        ports: [],
        expectExitCode: 0,
        timeoutMs: defaults.timeoutMs
    };
    for (const key of ['command', 'entrypoint']) {
        if (entry[key] === undefined)
            continue;
        const words = parseWords(entry[key]);
        if (typeof words === 'string')
            problem(key, entry[key], words);
        else
            spec[key] = words;
    }
    if (entry.env !== undefined) {
        if (!isMap(entry.env))
            problem('env', entry.env, 'is not a map of NAME: value');
        else {
            for (const [variable, value] of Object.entries(entry.env)) {
                if (variable === '' || variable.includes('='))
                    problem('env', variable, 'is not an environment variable name');
                else if (!isScalar(value))
                    problem(`env.${variable}`, value, 'is not a string, number or boolean');
                else
                    spec.env[variable] = value === null ? '' : String(value);
            }
        }
    }
    for (const key of ['user', 'workdir']) {
        const value = entry[key];
        if (value === undefined)
            continue;
        if ((typeof value === 'string' && value.trim() !== '') || (key === 'user' && Number.isInteger(value))) {
            spec[key] = String(value).trim();
        }
        else
            problem(key, value, key === 'user' ? 'is not a user (e.g. 1000, nobody or 1000:1000)' : 'is not a path');
    }
    if (entry.ports !== undefined) {
        const list = Array.isArray(entry.ports) ? entry.ports : [entry.ports];
        for (const item of list) {
            if (typeof item !== 'string' && typeof item !== 'number') {
                problem('ports', item, 'is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")');
                continue;
            }
            const parsed = (0,_ports_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePortMapping */ .Fd)(String(item));
            if (typeof parsed === 'string')
                problem('ports', String(item), parsed);
            else
                spec.ports.push(parsed);
        }
    }
    if (entry['expect-exit-code'] !== undefined) {
        const code = entry['expect-exit-code'];
        if (typeof code === 'number' && Number.isInteger(code) && code >= 0 && code <= 255)
            spec.expectExitCode = code;
        else if (typeof code === 'string' && /^\d{1,3}$/.test(code.trim()) && Number(code) <= 255) {
            spec.expectExitCode = Number(code);
        }
        else
            problem('expect-exit-code', code, 'is not an exit code (a whole number from 0 to 255)');
    }
    for (const [key, field] of [
        ['expect-output', 'expectOutput'],
        ['reject-output', 'rejectOutput']
    ]) {
        const value = entry[key];
        if (value === undefined)
            continue;
        const pattern = typeof value === 'string' || typeof value === 'number' ? compilePattern(String(value)) : undefined;
        if (pattern instanceof RegExp)
            spec[field] = pattern;
        else
            problem(key, value, pattern ?? 'is not a regular expression (a string)');
    }
    if (entry.timeout !== undefined) {
        const value = entry.timeout;
        const ms = typeof value === 'string' || typeof value === 'number' ? (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDurationMs */ .yi)(String(value)) : undefined;
        if (ms === undefined)
            problem('timeout', value, DURATION_EXPECTED);
        else
            spec.timeoutMs = ms;
    }
    if (entry.ready !== undefined) {
        const ready = parseReady(entry.ready, spec, (key, value, expected) => problem(key, value, expected));
        if (ready)
            spec.ready = ready;
    }
    return problems.items.length === before ? spec : undefined;
}
function parseReady(value, spec, problem) {
    if (!isMap(value)) {
        problem('ready', value, 'is not a map (expected one of http: /health, port: 80, log: <regex>, healthy: true)');
        return undefined;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
        if (READY_KEYS.includes(key))
            continue;
        const suggestion = (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_3__/* .didYouMean */ .a)(key, READY_KEYS);
        problem('ready', key, suggestion
            ? `is not a known key; did you mean "${suggestion}"?`
            : `is not a known key (expected one of ${READY_KEYS.join(', ')})`);
    }
    const known = keys.filter(key => READY_KEYS.includes(key));
    if (known.length !== 1) {
        if (known.length > 1)
            problem('ready', known.join(', '), 'names more than one way to be ready; choose one');
        else if (keys.length === 0)
            problem('ready', value, 'is empty (expected one of http, port, log, healthy)');
        return undefined;
    }
    const firstTcp = spec.ports.find(p => p.protocol === 'tcp');
    const key = known[0];
    const raw = value[key];
    switch (key) {
        case 'http': {
            const target = typeof raw === 'string' ? raw.trim() : '';
            if (/^https?:\/\/[^/\s]+/i.test(target)) {
                try {
                    new URL(target);
                    return { kind: 'http', target };
                }
                catch {
                    problem('ready.http', raw, 'is not a URL');
                    return undefined;
                }
            }
            if (!target.startsWith('/') || /\s/.test(target)) {
                problem('ready.http', raw, 'is not a path or URL (expected e.g. /health or http://127.0.0.1:8080/health)');
                return undefined;
            }
            if (!firstTcp) {
                problem('ready.http', raw, 'needs a published TCP port: add ports (e.g. "8080:80" or "80")');
                return undefined;
            }
            return { kind: 'http', target, containerPort: firstTcp.containerPort };
        }
        case 'port': {
            const port = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
            if (!Number.isInteger(port) || port < 1 || port > 65535) {
                problem('ready.port', raw, 'is not a port number (1-65535)');
                return undefined;
            }
            if (!spec.ports.some(p => p.protocol === 'tcp' && p.containerPort === port)) {
                problem('ready.port', raw, `is not a published TCP port: add ports (e.g. "${port}")`);
                return undefined;
            }
            return { kind: 'port', port };
        }
        case 'log': {
            const pattern = typeof raw === 'string' || typeof raw === 'number' ? compilePattern(String(raw)) : undefined;
            if (pattern instanceof RegExp)
                return { kind: 'log', pattern };
            problem('ready.log', raw, pattern ?? 'is not a regular expression (a string)');
            return undefined;
        }
        default: {
            if (raw === true)
                return { kind: 'healthy' };
            problem('ready.healthy', raw, 'must be true (the image HEALTHCHECK reports healthy)');
            return undefined;
        }
    }
}
/**
 * Where in the list a problem is: `(entry #2 "web", key "ports")`. The problem's input stays `smoke`, so
 * the report groups it with the other input problems.
 */
function location(index, name, key) {
    const entry = name === undefined ? `entry #${index + 1}` : `entry #${index + 1} "${name}"`;
    return key === undefined ? `(${entry})` : `(${entry}, key "${key}")`;
}
/**
 * A regular expression over the combined output. `/.../i` style is accepted for flags (i, s, u); `^` and
 * `$` always match at line starts and ends. Returns why it is not one otherwise.
 */
function compilePattern(text) {
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(text);
    const source = literal ? literal[1] : text;
    const flags = literal ? literal[2] : '';
    if (source === '')
        return 'is not a regular expression (it is empty)';
    if (/[^ismu]/.test(flags))
        return `has flags "${flags}"; only i, s and u are allowed`;
    try {
        return new RegExp(source, [...new Set(`${flags}m`)].join(''));
    }
    catch (error) {
        return `is not a regular expression: ${error.message}`;
    }
}
/** `/Hello from Docker!/` — the pattern as a reason shows it. */
function showPattern(pattern) {
    return `/${pattern.source}/${pattern.flags.replace('m', '')}`;
}
/** A command as words: a list, or a string split as a shell would (quotes, escapes; no expansion). */
function parseWords(value) {
    if (Array.isArray(value)) {
        if (value.every(item => isScalar(item) && item !== null))
            return value.map(item => String(item));
        return 'is not a list of strings';
    }
    if (typeof value !== 'string')
        return 'is not a string or a list of strings';
    // Variables stay as written: there is no shell here, and the container sees the text itself.
    const parsed = (0,shell_quote__WEBPACK_IMPORTED_MODULE_0__.parse)(value, name => `$${name}`);
    const words = [];
    for (const item of parsed) {
        if (typeof item === 'string')
            words.push(item);
        else if ('op' in item && item.op === 'glob')
            words.push(item.pattern);
        else if ('comment' in item)
            return 'contains a comment (#); quote it, or use a list';
        else
            return `contains the shell operator "${item.op}"; use sh -c '...' or a list`;
    }
    if (words.length === 0)
        return 'is empty';
    return words;
}
/** `127.0.0.1:5000/team/app:1.2@sha256:...` → `app`. */
function nameFromImage(reference) {
    const withoutDigest = reference.split('@')[0];
    const lastPart = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
    const withoutTag = lastPart.split(':')[0];
    const name = withoutTag.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
    return (name || 'image').slice(0, 63);
}
function isImageReference(reference) {
    if (/^(sha256:)?[a-f0-9]{12,64}$/.test(reference))
        return true;
    const [name, digest, ...rest] = reference.split('@');
    if (rest.length > 0 || (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)))
        return false;
    return (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidReference */ .aF)(name);
}
function isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isScalar(value) {
    return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
function describeType(value) {
    if (value === null)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (isMap(value))
        return 'a map';
    return `a ${typeof value}`;
}
function show(value) {
    if (typeof value === 'string')
        return value;
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}


/***/ })

};
