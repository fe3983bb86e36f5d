export const id = 922;
export const ids = [922];
export const modules = {

/***/ 4922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pushCredentials: () => (/* binding */ pushCredentials),
/* harmony export */   pushGate: () => (/* binding */ pushGate),
/* harmony export */   pushImage: () => (/* binding */ pushImage)
/* harmony export */ });
/* harmony import */ var _build_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2742);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3564);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6264);
/* harmony import */ var _engine_json_stream_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(523);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(970);
/* harmony import */ var _stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1741);







const DEFAULT_ATTEMPTS = 3;
const DEFAULT_BACKOFF_MS = 2000;
/**
 * Only an image that passed every check is pushed: the same image ID the smoke containers ran. Given the
 * failures so far and the build, either the image to push or the not-pushed result (its reason logged as
 * a warning).
 */
function pushGate(failures, build, log) {
    if (failures.length === 0 && build.status === 'built' && build.imageId)
        return { imageId: build.imageId };
    const reason = failures.length > 0
        ? `${failures.length === 1 ? 'a check' : `${failures.length} checks`} failed: ${failures[0]}`
        : `nothing was built (${build.skippedReason ?? build.status})`;
    log.warning(`Not pushed: ${reason}`);
    return { notPushed: { status: 'not-pushed', problems: [], ...(0,_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .stageTimes */ .L)(Date.now()), reason, pushed: [] } };
}
/** The registries the tags name and the credentials for them, looked up once before the build. */
async function pushCredentials(tags, env) {
    return (0,_build_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .findCredentials */ .gD)(tags.map(_build_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .registryOf */ .Fv), env);
}
async function pushImage(input) {
    const { client, imageId, tags, log, signal } = input;
    const started = Date.now();
    const credentials = input.credentials ?? (await pushCredentials(tags, input.processEnv));
    const attempts = Math.max(1, input.attempts ?? DEFAULT_ATTEMPTS);
    const backoffMs = input.backoffMs ?? DEFAULT_BACKOFF_MS;
    const pushed = [];
    const problems = [];
    for (const tag of tags) {
        const ref = pushTarget(tag);
        const found = credentials.find(c => c.registry === ref.registry);
        // The tag must still name the image that was smoked: another job on a shared engine may have moved it.
        const current = await client.images.inspect(tag, signal).catch((error) => {
            if (signal?.aborted)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc();
            throw error;
        });
        if (!current) {
            problems.push(`Push of ${tag} refused: the engine has no image tagged ${tag} any more.`);
            break;
        }
        if (current.Id !== imageId) {
            problems.push(`Push of ${tag} refused: the tag now names ${current.Id.slice(7, 19)}, not the image this run built and smoked (${imageId.slice(7, 19)}).`);
            break;
        }
        log.info(`Pushing ${tag} to ${ref.registry}${found ? ` (credentials from ${found.source})` : ' (no credentials configured for it)'}`);
        let outcome;
        let attempt = 0;
        while (attempt < attempts) {
            attempt++;
            outcome = await pushOnce(client, ref, found, log, signal);
            if (outcome.ok || !outcome.retryable || attempt === attempts) {
                if (outcome.ok) {
                    const { digest } = outcome.tag;
                    pushed.push({ ...outcome.tag, tag, pinned: `${ref.name}@${digest}`, attempts: attempt });
                    log.info(`Pushed ${ref.name}@${digest}`);
                }
                break;
            }
            const wait = attempt * backoffMs;
            log.warning(`Push of ${tag} failed (${outcome.message}); trying again in ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(wait)} (attempt ${attempt + 1} of ${attempts}).`);
            await (0,_signals_js__WEBPACK_IMPORTED_MODULE_5__/* .sleep */ .yy)(wait, signal).catch(() => {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc();
            });
        }
        if (outcome && !outcome.ok) {
            problems.push(describeFailure(tag, ref.registry, outcome, found, attempt));
            break;
        }
    }
    return {
        status: problems.length === 0 ? 'pushed' : 'failed',
        problems,
        ...(0,_stage_js__WEBPACK_IMPORTED_MODULE_3__/* .stageTimes */ .L)(started),
        pushed,
        digest: pushed[0]?.digest
    };
}
/** Tags were validated with the inputs (src/inputs/parse.ts). */
function pushTarget(tag) {
    const ref = _image_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .ImageReference */ .ZN.parse(tag);
    if (!ref)
        throw new Error(`pushTarget: ${tag} is not a reference`);
    return { name: ref.familiarName, registry: ref.registry, tag: ref.tag ?? 'latest' };
}
/** Layer statuses the engine sends (moby distribution/push_v2.go, daemon/containerd/image_push.go). */
const LAYER_DONE = /^(Pushed|Layer already exists|Mounted from .+)$/;
async function pushOnce(client, ref, found, log, signal) {
    const layers = { pushed: 0, existed: 0, mounted: 0 };
    let engineRetried = false;
    let aux;
    let stream;
    try {
        // The engine wants an X-Registry-Auth header even when there are no credentials: `{}` then.
        stream = await client.images.push(ref.name, ref.tag, found?.auth, signal);
    }
    catch (error) {
        if (signal?.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc();
        const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error);
        return { ok: false, message, retryable: retryable(message), engineRetried };
    }
    const onEvent = (event) => {
        if (event.error || event.errorDetail)
            return event.errorDetail?.message ?? event.error;
        if (event.aux?.Digest)
            aux = event.aux;
        const status = event.status ?? '';
        // The containerd image store (28.x) sends no aux record, only the CLI's line: `<tag>: digest: \u2026 size: \u2026`.
        const line = /^(\S+): digest: (sha256:[a-f0-9]{64}) size: (\d+)$/.exec(status);
        if (line && line[1] === ref.tag && !aux)
            aux = { Tag: line[1], Digest: line[2], Size: Number(line[3]) };
        if (event.id && /^[a-f0-9]{12,64}$/.test(event.id)) {
            const id = event.id.slice(0, 12);
            if (LAYER_DONE.test(status)) {
                if (status === 'Pushed')
                    layers.pushed++;
                else if (status === 'Layer already exists')
                    layers.existed++;
                else
                    layers.mounted++;
                const total = event.progressDetail?.total;
                log.info(`  ${id}: ${status.startsWith('Mounted from') ? 'Mounted from another repository' : status}${total ? ` (${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(total)})` : ''}`);
            }
            else if (/^Retrying in \d+ seconds?$/.test(status)) {
                // The engine retries a failed layer upload itself (moby distribution/xfer/upload.go, 5 attempts).
                if (!engineRetried)
                    log.warning(`  ${id}: upload failed, the engine is retrying (${status})`);
                engineRetried = true;
            }
        }
        return undefined;
    };
    const end = await (0,_engine_json_stream_js__WEBPACK_IMPORTED_MODULE_2__/* .readJsonLines */ .s)(stream, onEvent, signal);
    if (signal?.aborted)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc();
    const failure = end.kind === 'error'
        ? end.message
        : end.kind === 'malformed'
            ? _engine_json_stream_js__WEBPACK_IMPORTED_MODULE_2__/* .MALFORMED_LINE */ .b
            : end.kind === 'lost'
                ? 'the connection to the Docker engine was lost during the push'
                : undefined;
    if (failure !== undefined || !aux?.Digest) {
        const message = failure ?? 'the engine ended the push without a digest';
        // When the engine already retried a layer and still failed, another round would only repeat it.
        return { ok: false, message, retryable: retryable(message) && !engineRetried, engineRetried };
    }
    return { ok: true, tag: { digest: aux.Digest, size: aux.Size, layers } };
}
/** Refusals and TLS problems: the same push would fail the same way again. */
const REFUSED = /unauthori[sz]ed|denied|forbidden|x509|certificate|tls:|no such host|connection refused|name unknown|manifest invalid|blob unknown|does not exist|no basic auth/i;
/**
 * A registry that failed (5xx; `error from registry` is how the containerd store words a 5xx body) or a
 * connection that dropped mid-upload.
 */
const TRANSIENT = /\b5\d\d\b|unavailable|internal server error|bad gateway|error from registry|unexpected EOF|\bEOF\b|connection reset|broken pipe|closed network connection|timeout|lost/i;
/** 5xx answers and dropped connections are worth another attempt; refusals and TLS problems are not. */
function retryable(message) {
    return !REFUSED.test(message) && TRANSIENT.test(message);
}
function describeFailure(tag, registry, outcome, found, attempts) {
    const said = outcome.message;
    let why;
    if (/unauthori[sz]ed|authentication required|no basic auth/i.test(said)) {
        why = found
            ? `the registry refused the credentials from ${found.source} (${said})`
            : `the registry wants credentials and none are configured for ${registry} (run docker/login-action first)`;
    }
    else if (/denied|forbidden/i.test(said)) {
        why = `the registry denied the push (${said})`;
    }
    else if (/x509|certificate|tls:/i.test(said)) {
        why = `the engine does not trust the registry's TLS certificate (${said}); put the CA that signed it in /etc/docker/certs.d/${registry}/ca.crt on the engine's host`;
    }
    else if (/connection refused|no such host|i\/o timeout|dial tcp|no route to host/i.test(said)) {
        why = `the registry did not answer (${said})`;
    }
    else if (retryable(said)) {
        const tries = outcome.engineRetried
            ? 'after the engine retried the upload'
            : `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
        why = `the registry kept failing ${tries} (${said})`;
    }
    else {
        why = said;
    }
    return `Push of ${tag} to ${registry} failed: ${why}.`;
}


/***/ })

};
