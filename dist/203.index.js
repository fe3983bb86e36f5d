export const id = 203;
export const ids = [203];
export const modules = {

/***/ 7441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   engineEnvironment: () => (/* binding */ engineEnvironment),
/* harmony export */   runCompose: () => (/* binding */ runCompose)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1260);
// Calling the docker compose plugin through @actions/exec. The plugin binary is run standalone (as
// `docker-compose <command>`, which compose v2 supports) so no docker CLI is needed beside it. Its
// output is untrusted (service names, image names, engine errors): it is captured, never echoed, and the
// caller prints it through the log's untrusted blocks.


/**
 * The endpoint the action resolved (docker-host, DOCKER_HOST, a context...), as the variables the plugin
 * reads: DOCKER_HOST, and for TLS DOCKER_TLS_VERIFY (or DOCKER_TLS when the server is not verified) with
 * DOCKER_CERT_PATH, the directory of ca.pem, cert.pem and key.pem (a context's TLS directory holds
 * exactly those names).
 */
function engineEnvironment(endpoint) {
    const env = { DOCKER_HOST: endpoint.display.replace(/ \(.*\)$/, '') };
    const tls = endpoint.tls;
    if (tls) {
        if (tls.verify)
            env.DOCKER_TLS_VERIFY = '1';
        else
            env.DOCKER_TLS = '1';
        const file = tls.certFile ?? tls.caFile;
        if (file)
            env.DOCKER_CERT_PATH = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(file);
    }
    return env;
}
/** Keeps memory bounded whatever compose prints (a build's output can be large). */
const MAX_CAPTURE = 256 * 1024;
/** The first line the wrapper shell writes to stderr: the plugin's process ID, so a cancel can stop it. */
const PID_LINE = /^preflight-compose-pid (\d+)\n/;
/**
 * Runs `docker-compose <args>` and resolves with its exit code and output. @actions/exec does not hand
 * out its child, so the plugin is started through `sh -c 'exec ...'`, which reports its process ID
 * first: on a cancel (`signal`) the plugin gets SIGTERM (compose then stops what it was doing and exits)
 * and the call resolves with what was printed so far.
 */
async function runCompose(call, args, signal) {
    const env = {};
    for (const [name, value] of Object.entries(call.env))
        if (value !== undefined)
            env[name] = value;
    // The action's endpoint wins over whatever the environment says (a context, another DOCKER_HOST).
    for (const name of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH'])
        delete env[name];
    Object.assign(env, call.engine);
    let stdout = '';
    let stderr = '';
    let pid;
    const keep = (held, data) => {
        const next = held + data.toString('utf8');
        return next.length > MAX_CAPTURE ? next.slice(next.length - MAX_CAPTURE) : next;
    };
    const script = 'echo "preflight-compose-pid $$" >&2; exec "$@"';
    const plugin = [call.plugin, '--ansi', 'never', '--progress', 'plain', ...args];
    const running = (0,_actions_exec__WEBPACK_IMPORTED_MODULE_1__.getExecOutput)('/bin/sh', ['-c', script, 'sh', ...plugin], {
        env,
        cwd: call.cwd,
        silent: true,
        ignoreReturnCode: true,
        listeners: {
            stdout: data => (stdout = keep(stdout, data)),
            stderr: data => {
                stderr = keep(stderr, data);
                const match = pid === undefined ? PID_LINE.exec(stderr) : null;
                if (match) {
                    pid = Number(match[1]);
                    stderr = stderr.slice(match[0].length);
                    if (signal?.aborted)
                        stop();
                }
            }
        }
    }).then(({ exitCode }) => ({ exitCode, stdout, stderr }), (error) => ({ exitCode: -1, stdout, stderr: `${stderr}${String(error)}\n` }));
    const stop = () => {
        if (pid === undefined)
            return;
        try {
            process.kill(pid, 'SIGTERM');
        }
        catch {
            // already gone
        }
    };
    if (!signal)
        return running;
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted)
        stop();
    // After a cancel the plugin gets a moment to exit; the caller must not wait on it longer.
    let timer;
    let give;
    const aborted = new Promise(resolve => {
        give = () => {
            timer = setTimeout(() => resolve({ exitCode: -1, stdout, stderr }), STOP_GRACE_MS).unref();
        };
        if (signal.aborted)
            give();
        else
            signal.addEventListener('abort', give, { once: true });
    });
    return Promise.race([running, aborted]).finally(() => {
        clearTimeout(timer);
        signal.removeEventListener('abort', stop);
        if (give)
            signal.removeEventListener('abort', give);
    });
}
/** How long a cancelled plugin gets to exit before the caller stops waiting for it. */
const STOP_GRACE_MS = 2_000;


/***/ })

};
