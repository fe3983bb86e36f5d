export const id = 235;
export const ids = [235,203,546];
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


/***/ }),

/***/ 9235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  overrideFile: () => (/* binding */ overrideFile),
  projectName: () => (/* binding */ projectName),
  runComposeStage: () => (/* binding */ runComposeStage)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/cleanup/cleanup.ts + 1 modules
var cleanup = __webpack_require__(6312);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/labels.ts
var src_labels = __webpack_require__(4584);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(970);
// EXTERNAL MODULE: ./src/smoke/container.ts
var smoke_container = __webpack_require__(7146);
// EXTERNAL MODULE: ./src/smoke/entry.ts
var smoke_entry = __webpack_require__(3793);
// EXTERNAL MODULE: ./src/smoke/output.ts
var smoke_output = __webpack_require__(1800);
// EXTERNAL MODULE: ./src/smoke/ports.ts
var smoke_ports = __webpack_require__(8973);
// EXTERNAL MODULE: ./src/smoke/pull.ts
var pull = __webpack_require__(1114);
// EXTERNAL MODULE: ./src/smoke/ready.ts
var ready = __webpack_require__(2546);
// EXTERNAL MODULE: ./src/smoke/spec.ts
var smoke_spec = __webpack_require__(7302);
// EXTERNAL MODULE: ./src/compose/exec.ts
var exec = __webpack_require__(7441);
;// CONCATENATED MODULE: ./src/compose/model.ts
// The resolved Compose model, from `docker compose config --format json` (compose merges the files,
// interpolates variables and fills defaults: the same project `up` runs). Only what judging and the
// report need is kept. Where a service is defined is looked up in the files themselves.


/** Reads the JSON compose printed; throws with a sentence when it is not a model. */
function parseModel(json, files) {
    let raw;
    try {
        raw = JSON.parse(json);
    }
    catch {
        throw new Error('docker compose config printed no JSON model');
    }
    const lines = serviceLines(files);
    const services = Object.entries(raw.services ?? {}).map(([name, s]) => {
        const test = s.healthcheck?.test;
        const disabled = s.healthcheck?.disable === true || (Array.isArray(test) ? test[0] === 'NONE' : test === 'NONE');
        return {
            name,
            image: s.image,
            build: s.build !== undefined,
            restart: s.restart ?? 'no',
            dependsOn: Object.entries(s.depends_on ?? {}).map(([service, d]) => ({
                service,
                condition: d.condition ?? 'service_started',
                required: d.required !== false
            })),
            healthcheck: s.healthcheck !== undefined && !disabled,
            ports: (s.ports ?? []).map(p => ({
                target: p.target ?? 0,
                protocol: p.protocol ?? 'tcp',
                published: p.published,
                hostIp: p.host_ip
            })),
            scale: s.deploy?.replicas ?? s.scale ?? 1,
            definedAt: lines.get(name)
        };
    });
    const internal = (entries) => Object.entries(entries ?? {})
        .filter(([, v]) => v.external !== true)
        .map(([key]) => key);
    const network = raw.networks?.default;
    return {
        name: raw.name ?? '',
        services,
        defaultNetwork: network && network.external !== true ? network.name : network?.name,
        volumes: internal(raw.volumes),
        networks: internal(raw.networks)
    };
}
/** Service name \u2192 the first file and line that define it (`  web:` under `services:`). */
function serviceLines(files) {
    const found = new Map();
    for (const file of files) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch {
            continue;
        }
        const counter = new dist.LineCounter();
        const document = (0,dist.parseDocument)(text, { lineCounter: counter });
        const services = document.get('services', true);
        if (!(0,dist.isMap)(services))
            continue;
        for (const pair of services.items) {
            const key = pair.key;
            if (!(0,dist.isScalar)(key) || !key.range)
                continue;
            const name = String(key.value);
            if (!found.has(name))
                found.set(name, { file, line: counter.linePos(key.range[0]).line });
        }
    }
    return found;
}
/** Services in an order where each comes after what it depends on (ties by name). */
function dependencyOrder(services) {
    const byName = new Map(services.map(s => [s.name, s]));
    const done = new Set();
    const ordered = [];
    const visit = (service, path) => {
        if (done.has(service.name) || path.has(service.name))
            return;
        path.add(service.name);
        for (const dep of service.dependsOn) {
            const target = byName.get(dep.service);
            if (target)
                visit(target, path);
        }
        done.add(service.name);
        ordered.push(service);
    };
    for (const service of [...services].sort((a, b) => a.name.localeCompare(b.name)))
        visit(service, new Set());
    return ordered;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/compose/plugin.ts
// Finding the `docker compose` v2 plugin the way the docker CLI does (docker/cli
// cli-plugins/manager/manager.go getPluginDirs, manager_unix.go defaultSystemPluginDirs): the config
// file's cliPluginsExtraDirs, then <config dir>/cli-plugins (DOCKER_CONFIG, else ~/.docker), then the
// system directories. The first executable `docker-compose` wins; broken symlinks are skipped.




/** docker/cli manager_unix.go, in its order. */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins'
];
/** The directories the docker CLI searches for plugins, in its order of preference. */
function pluginDirs(env) {
    const configDir = env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
    return [...extraDirs(configDir), (0,external_node_path_.join)(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS];
}
function extraDirs(configDir) {
    try {
        const config = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(configDir, 'config.json'), 'utf8'));
        const dirs = config.cliPluginsExtraDirs;
        return Array.isArray(dirs) ? dirs.filter((d) => typeof d === 'string') : [];
    }
    catch {
        return []; // no config file, or one the CLI would also fail to read: no extra directories
    }
}
/** The path of the docker-compose plugin, or undefined when none of the directories holds one. */
function findComposePlugin(env) {
    for (const dir of pluginDirs(env)) {
        const candidate = (0,external_node_path_.join)(dir, 'docker-compose');
        try {
            // statSync follows symlinks: a broken one throws, as the CLI skips it.
            if (!(0,external_node_fs_.statSync)(candidate).isFile())
                continue;
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
            return candidate;
        }
        catch {
            continue;
        }
    }
    return undefined;
}
/** The one error for a missing plugin: where it was looked for and how to get it. */
function missingPluginError(env) {
    return new errors/* PreflightError */.wG(`The compose input needs the docker compose v2 plugin, and none was found (looked for docker-compose in ${pluginDirs(env).join(', ')}). ` +
        'GitHub-hosted runners have it; elsewhere install it (Debian/Ubuntu: apt-get install docker-compose-plugin ' +
        'from Docker, or docker-compose from Debian 13+), or put the docker-compose binary from ' +
        'https://github.com/docker/compose/releases in ~/.docker/cli-plugins/ (or $DOCKER_CONFIG/cli-plugins/).');
}

;// CONCATENATED MODULE: ./src/compose/run.ts
// The compose stage: a whole Compose stack up under a project name of this run, judged service by
// service, then always taken down. The real `docker compose` plugin does config, up and down (called
// through @actions/exec with DOCKER_HOST set to the action's endpoint); the engine API (dockerode)
// watches the containers: readiness with smoke's wait objects (port, HTTP, log, HEALTHCHECK), exits,
// logs and health logs. Compose's own `up --wait` is not used: it fails a one-shot service that exits 0
// unless another service depends on it with service_completed_successfully (docker/compose
// pkg/compose/start.go getDependencyCondition; issue 10596).


















const LABEL_PROJECT = 'com.docker.compose.project';
const LABEL_SERVICE = 'com.docker.compose.service';
const LABEL_ONEOFF = 'com.docker.compose.oneoff';
/** A service with nothing to wait for passes once it has run this long without exiting. */
const SETTLE_MS = 2_000;
/** How often a service's container state is read while judging. */
const POLL_MS = 300;
/** `down` and the sweep after it get their own time: they run after a deadline or a cancel. */
const DOWN_TIMEOUT_MS = 30_000;
const HEALTH_LOG_ENTRIES = 5;
/** `preflight-<run id>`, within Compose's project name rules (lowercase, digits, `-`, `_`). */
function projectName(runId) {
    return `preflight-${runId}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
}
/**
 * Runs the stage. Never rejects: a missing plugin, a bad Compose file, a failed service and a cancel are
 * all problems in the result; the stack is taken down whatever happened.
 */
async function runComposeStage(input) {
    const { options, log, env, signal } = input;
    const started = Date.now();
    const project = projectName(env.runId);
    const result = {
        status: 'failed',
        problems: [],
        project,
        files: options.files.map(file => (0,external_node_path_.relative)(env.workspace, file) || file),
        services: [],
        containers: [],
        removed: { containers: 0, networks: 0, volumes: 0, problems: [] },
        startedAt: new Date(started).toISOString(),
        finishedAt: '',
        durationMs: 0
    };
    const finish = () => {
        result.status = result.problems.length === 0 ? 'passed' : 'failed';
        result.finishedAt = new Date().toISOString();
        result.durationMs = Date.now() - started;
        return result;
    };
    const plugin = findComposePlugin(input.processEnv);
    if (!plugin) {
        result.problems.push(missingPluginError(input.processEnv).message);
        return finish();
    }
    result.plugin = plugin;
    // The image this run built, for `image: ${PREFLIGHT_IMAGE}` in the Compose file.
    const built = input.builtImage ? { PREFLIGHT_IMAGE: input.builtImage.reference } : {};
    const call = {
        plugin,
        engine: input.engine,
        env: { ...input.processEnv, ...built },
        cwd: env.workspace
    };
    const fileArgs = options.files.flatMap(file => ['-f', file]);
    // The resolved model first: nothing is created when the files are wrong.
    const config = await (0,exec.runCompose)(call, ['-p', project, ...fileArgs, 'config', '--format', 'json'], signal);
    if (signal?.aborted) {
        result.problems.push('cancelled before the stack was started');
        return finish();
    }
    if (config.exitCode !== 0) {
        printOutput(log, 'docker compose config', config);
        result.problems.push(`docker compose config failed: ${lastLine(config.stderr)}`);
        return finish();
    }
    let model;
    try {
        model = parseModel(config.stdout, options.files);
    }
    catch (error) {
        result.problems.push((0,errors/* messageOf */.bD)(error));
        return finish();
    }
    const unknown = options.smoke.services.filter(e => !model.services.some(s => s.name === e.service));
    for (const entry of unknown) {
        result.problems.push(`compose-smoke entry #${entry.entry} names service "${entry.service}", which the Compose project does not have (it has ${model.services.map(s => s.name).join(', ')})`);
    }
    if (unknown.length > 0)
        return finish();
    const order = dependencyOrder(model.services).map(s => s.name);
    log.info(`Compose project ${project}: ${(0,format/* plural */.LS)(order.length, 'service')} (${order.join(', ')}) from ${result.files.join(', ')}`);
    // The run's labels go on every container, network and volume through an override file, so the post
    // step and a cancel find the stack by label even when the plugin is gone.
    const override = (0,external_node_path_.join)(env.tempDir, `${project}.labels.yaml`);
    (0,external_node_fs_.writeFileSync)(override, overrideFile(model, env.runId));
    const stackArgs = ['-p', project, ...fileArgs, '-f', override];
    try {
        await upAndJudge({ input, model, stackArgs, call, result });
    }
    finally {
        await down({ input, model, stackArgs, call, result });
        (0,external_node_fs_.rmSync)(override, { force: true });
    }
    return finish();
}
async function upAndJudge(stack) {
    const { input, model, stackArgs, call, result } = stack;
    const { options, log, signal, client } = input;
    // Each service's time counts from here: a stack whose `up` took the whole timeout gets no more.
    const upStarted = Date.now();
    const upTimeout = (0,signals/* deadline */.nl)(options.timeoutMs, new Error('timeout'), signal);
    let up;
    try {
        log.info(`docker compose up --detach (waits for depends_on conditions; up to ${(0,format/* formatDuration */.a3)(options.timeoutMs)})`);
        up = await (0,exec.runCompose)(call, [...stackArgs, 'up', '--detach', '--remove-orphans'], upTimeout.signal);
    }
    finally {
        upTimeout.dispose();
    }
    printOutput(log, 'docker compose up', up);
    if (signal?.aborted) {
        result.problems.push('cancelled while the stack was starting; it was taken down');
        return;
    }
    const upTimedOut = up.exitCode === -1;
    const upError = up.exitCode === 0
        ? undefined
        : upTimedOut
            ? `did not finish within ${(0,format/* formatDuration */.a3)(options.timeoutMs)}`
            : lastLine(up.stderr);
    const containers = await serviceContainers(client, model.name, signal);
    const expectations = new Map(options.smoke.services.map(e => [e.service, e]));
    const judged = await Promise.all(dependencyOrder(model.services).map(service => judgeService(service, containers.get(service.name), expectations.get(service.name), {
        client,
        model,
        upError,
        timeoutMs: options.timeoutMs,
        startedAt: upStarted,
        signal,
        workspace: input.env.workspace
    })));
    // A service that never started because a dependency failed says which one.
    for (const service of judged) {
        if (service.state !== 'not created' && service.state !== 'created')
            continue;
        const failedDep = service.dependsOn.find(d => judged.some(j => j.name === d.service && !j.passed));
        if (failedDep) {
            service.reason = `was not started: its dependency "${failedDep.service}" failed (${failedDep.condition})`;
        }
    }
    result.services = judged;
    for (const service of judged) {
        reportService(service, log);
        if (!service.passed)
            result.problems.push(`Compose service "${service.name}" failed: ${service.reason}`);
    }
    if (upError && judged.every(s => s.passed))
        result.problems.push(`docker compose up failed: ${upError}`);
    // Extra containers on the stack's network, once the stack is up.
    if (options.smoke.containers.length > 0) {
        if (!model.defaultNetwork || upError) {
            log.info(`compose-smoke: ${options.smoke.containers.length} container(s) not run: the stack did not come up`);
        }
        else {
            const images = new pull/* ImageProvider */.zI(client, options.pullPolicy, log, signal);
            for (const spec of options.smoke.containers) {
                const entry = await (0,smoke_entry/* runEntry */.C)(spec, {
                    client,
                    images,
                    builtImage: input.builtImage,
                    labels: (0,src_labels/* runLabels */.xU)(input.env.runId, 'compose'),
                    runId: `${input.env.runId}-compose`,
                    cleanup: true,
                    network: model.defaultNetwork,
                    signal
                });
                result.containers.push(entry);
                log.info(`${entry.passed ? '\u2713' : '\u2717'} ${entry.name} (${entry.image}) on ${model.defaultNetwork}: ${entry.reason}`);
                writeUntrusted(log, `Output of ${entry.name}`, entry.outputTail);
                if (!entry.passed)
                    result.problems.push(`compose-smoke container "${entry.name}" failed: ${entry.reason}`);
            }
        }
    }
}
/** Waits for one service to be ready, or exit, or its deadline; then reads its logs and health log. */
async function judgeService(service, containerInfo, expectation, context) {
    const spec = expectation?.spec;
    const completedDependency = context.model.services.some(s => s.dependsOn.some(d => d.service === service.name && d.condition === 'service_completed_successfully'));
    const expectExit = expectation?.expectsExit === true || completedDependency;
    const expectedCode = spec?.expectExitCode ?? 0;
    const result = {
        name: service.name,
        image: service.image ?? '',
        kind: expectExit ? 'one-shot' : 'long-running',
        state: 'not created',
        ports: [],
        passed: false,
        reason: '',
        dependsOn: service.dependsOn,
        definedAt: service.definedAt
            ? {
                file: (0,external_node_path_.relative)(context.workspace, service.definedAt.file) || service.definedAt.file,
                line: service.definedAt.line
            }
            : undefined,
        logTail: '',
        logTruncated: false,
        healthLog: []
    };
    if (service.scale === 0) {
        result.passed = true;
        result.reason = 'scaled to 0: not started';
        return result;
    }
    if (!containerInfo) {
        result.reason = context.upError
            ? `was not created: docker compose up failed (${context.upError})`
            : 'was not created';
        return result;
    }
    const { client } = context;
    const container = containerInfo.Id;
    const output = new smoke_output/* OutputCollector */.Lc();
    const watches = {
        expect: spec?.expectOutput ? output.watch(spec.expectOutput) : undefined,
        reject: spec?.rejectOutput ? output.watch(spec.rejectOutput) : undefined,
        ready: spec?.ready?.kind === 'log' ? output.watch(spec.ready.pattern) : undefined
    };
    const timeoutMs = spec?.timeoutMs ?? context.timeoutMs;
    const left = Math.max(1_000, context.startedAt + timeoutMs - Date.now());
    const timeout = (0,signals/* deadline */.nl)(left, new Error('timeout'), context.signal);
    let follow;
    let info;
    let last;
    try {
        info = await client.containers.inspect(container, timeout.signal);
        result.image = service.image ?? info.Config.Image;
        if (info.State.Status === 'created') {
            result.state = 'created';
            result.reason = context.upError ? `was not started: ${context.upError}` : 'was created but not started';
            return result;
        }
        follow = await (0,smoke_container/* followOutput */.DN)(client, container, output, timeout.signal);
        const verdict = await untilJudged({
            client,
            container,
            service,
            spec,
            expectExit,
            expectedCode,
            watches,
            signal: timeout.signal,
            onAnswer: answer => (last = answer)
        });
        result.passed = verdict.passed;
        result.reason = verdict.reason;
        if (verdict.exitCode !== undefined) {
            result.exitCode = verdict.exitCode;
            result.kind = 'one-shot';
        }
    }
    catch (error) {
        if (context.signal?.aborted)
            result.reason = 'cancelled';
        else if (timeout.signal.aborted) {
            result.reason = expectExit
                ? `did not exit within ${(0,format/* formatDuration */.a3)(timeoutMs)}`
                : `not ready after ${(0,format/* formatDuration */.a3)(timeoutMs)}${last ? ` (last: ${last.detail})` : ''}`;
        }
        else
            result.reason = `could not be judged: ${(0,errors/* messageOf */.bD)(error)}`;
    }
    finally {
        timeout.dispose();
    }
    // The record for the table and the failure: state, health, ports, health log, output.
    try {
        const inspectTimeout = (0,signals/* deadline */.nl)(5_000);
        info = await client.containers
            .inspect(container, inspectTimeout.signal)
            .finally(() => inspectTimeout.dispose());
    }
    catch {
        // keep the earlier one
    }
    if (info) {
        result.state = info.State.Restarting ? 'restarting' : info.State.Status;
        result.health = info.State.Health?.Status;
        result.ports = (0,smoke_ports/* publishedPorts */.LQ)(info.NetworkSettings?.Ports).map(smoke_ports/* describePort */.Rf);
        result.healthLog = (info.State.Health?.Log ?? []).slice(-HEALTH_LOG_ENTRIES).map(probe => ({
            exitCode: probe.ExitCode,
            output: probe.Output,
            end: probe.End
        }));
    }
    // Output written just before the verdict gets a moment to arrive.
    if (follow) {
        await Promise.race([follow.ended, (0,signals/* sleep */.yy)(result.state === 'exited' ? 1_000 : 300)]).catch(() => { });
        follow.close();
    }
    result.logTail = output.tail.text();
    result.logTruncated = output.tail.truncated;
    if (result.passed && watches.reject?.matched) {
        result.passed = false;
        result.reason += `; but its output matched reject-output ${(0,smoke_spec/* showPattern */.uz)(spec.rejectOutput)}`;
    }
    if (result.passed && watches.expect && !watches.expect.matched) {
        result.passed = false;
        result.reason += `; but its output did not match ${(0,smoke_spec/* showPattern */.uz)(spec.expectOutput)}`;
    }
    return result;
}
/**
 * The service's verdict: an exit is judged by its code (a one-shot; a long-running service that was
 * asked to be ready fails); otherwise the readiness check of its compose-smoke entry, else its
 * healthcheck, else staying up for a moment. Throws when `signal` aborts (deadline, cancel).
 */
async function untilJudged(input) {
    const { client, container, service, spec, signal } = input;
    const exitVerdict = (info) => {
        const code = info.State.ExitCode;
        if (spec?.ready && !input.expectExit) {
            return { passed: false, exitCode: code, reason: `exited ${code} before it was ready` };
        }
        return code === input.expectedCode
            ? {
                passed: true,
                exitCode: code,
                reason: `exited ${code}${input.expectExit ? ' as expected' : ' (a one-shot service)'}`
            }
            : { passed: false, exitCode: code, reason: `exited ${code}, expected ${input.expectedCode}` };
    };
    const exited = (info) => info.State.Status === 'exited' || info.State.Status === 'dead';
    const inspect = () => client.containers.inspect(container, signal);
    let info = await inspect();
    if (exited(info) && !info.State.Restarting && service.restart === 'no')
        return exitVerdict(info);
    if (input.expectExit) {
        // A one-shot is judged by its exit, whenever it comes within the deadline.
        for (;;) {
            await (0,signals/* sleep */.yy)(POLL_MS, signal);
            info = await inspect();
            if (exited(info))
                return exitVerdict(info);
        }
    }
    let strategy;
    if (spec?.ready) {
        const ports = (0,smoke_ports/* publishedPorts */.LQ)(info.NetworkSettings?.Ports);
        const built = (0,ready.strategyFor)(spec.ready, {
            client,
            id: container,
            image: service.image ?? info.Config.Image,
            ports,
            logWatch: input.watches.ready
        });
        if (typeof built === 'string')
            return { passed: false, reason: `cannot wait to be ready: ${built}` };
        strategy = built;
    }
    else if (service.healthcheck || info.State.Health) {
        strategy = new ready/* HealthyWait */.Dm(client, container, service.image ?? info.Config.Image);
    }
    // The container's state is watched beside the readiness check: an exit ends the wait.
    const stop = new AbortController();
    const both = AbortSignal.any([signal, stop.signal]);
    const watchExit = (async () => {
        for (;;) {
            await (0,signals/* sleep */.yy)(POLL_MS, both);
            const now = await client.containers.inspect(container, both);
            if (exited(now) && !now.State.Restarting)
                return exitVerdict(now);
        }
    })();
    watchExit.catch(() => { });
    try {
        if (!strategy) {
            const settled = await Promise.race([watchExit, (0,signals/* sleep */.yy)(SETTLE_MS, both).then(() => undefined)]);
            return (settled ?? {
                passed: true,
                reason: `running after ${(0,format/* formatDuration */.a3)(SETTLE_MS)} (no healthcheck or readiness check to wait for)`
            });
        }
        const outcome = await Promise.race([
            watchExit,
            (0,ready.waitUntilReady)(strategy, both, input.onAnswer).then(answer => ({ answer }))
        ]);
        if (!outcome)
            throw new Error('unreachable');
        if ('answer' in outcome) {
            return outcome.answer.ready
                ? { passed: true, reason: `ready: ${outcome.answer.detail}` }
                : { passed: false, reason: outcome.answer.detail };
        }
        return outcome;
    }
    finally {
        stop.abort();
    }
}
/** The project's containers by service (one-off `run` containers left out). */
async function serviceContainers(client, project, signal) {
    const list = await client.containers
        .list({ all: true, filters: { label: [`${LABEL_PROJECT}=${project}`] } }, signal)
        .catch(() => []);
    const byService = new Map();
    for (const info of list) {
        if (info.Labels?.[LABEL_ONEOFF] === 'True')
            continue;
        const service = info.Labels?.[LABEL_SERVICE];
        if (service && !byService.has(service))
            byService.set(service, info);
    }
    return byService;
}
/**
 * `down --volumes --remove-orphans` (and `--rmi local`: images Compose built for a service without an
 * `image:` carry the run's project name and serve no one after it), then a sweep by label for anything
 * left (a plugin that failed or was stopped).
 */
async function down(stack) {
    const { input, model, stackArgs, call, result } = stack;
    const { client, log } = input;
    // Not AbortSignal.timeout: on Node 20 it can be collected before it fires (see src/signals.ts).
    const downTimeout = (0,signals/* deadline */.nl)(DOWN_TIMEOUT_MS);
    const signal = downTimeout.signal;
    const downOutput = await (0,exec.runCompose)(call, [...stackArgs, 'down', '--volumes', '--remove-orphans', '--rmi', 'local', '--timeout', '1'], signal);
    printOutput(log, 'docker compose down', downOutput);
    const swept = { containers: [], images: [], networks: [], volumes: [], problems: [] };
    try {
        await (0,cleanup/* removeLabelled */.ux)(client, `${LABEL_PROJECT}=${model.name}`, swept, log, signal);
    }
    catch (error) {
        swept.problems.push(`Could not list what is left of project ${model.name}: ${(0,errors/* messageOf */.bD)(error)}`);
    }
    downTimeout.dispose();
    result.removed = {
        containers: swept.containers.length,
        networks: swept.networks.length,
        volumes: swept.volumes.length,
        problems: swept.problems
    };
    if (downOutput.exitCode !== 0) {
        log.warning(`docker compose down failed (${lastLine(downOutput.stderr)}); removed what was left by label`);
    }
    for (const problem of swept.problems) {
        log.warning(problem);
        result.problems.push(`The stack was not fully removed: ${problem}`);
    }
}
/** The override that puts the run's labels on every service, network and volume the project creates. */
function overrideFile(model, runId) {
    const labels = (0,src_labels/* runLabels */.xU)(runId, 'compose');
    const services = Object.fromEntries(model.services.map(s => [s.name, { labels }]));
    const document = { services };
    // The default network exists even when no file declares it; external ones are not ours to label.
    const networks = Object.fromEntries(model.networks.map(key => [key, { labels }]));
    if (Object.keys(networks).length > 0)
        document.networks = networks;
    const volumes = Object.fromEntries(model.volumes.map(key => [key, { labels }]));
    if (Object.keys(volumes).length > 0)
        document.volumes = volumes;
    return dist.stringify(document);
}
function reportService(service, log) {
    const where = service.definedAt ? { file: service.definedAt.file, startLine: service.definedAt.line } : {};
    if (service.passed) {
        log.info(`\u2713 ${service.name} (${service.image || 'no image'}): ${service.reason}`);
    }
    else {
        log.error(`Compose service "${service.name}" failed: ${service.reason}`, {
            title: `Compose service ${service.name} failed`,
            ...where
        });
    }
    if (!service.passed && service.healthLog.length > 0) {
        const probes = service.healthLog
            .map(p => `exit ${p.exitCode}${p.end ? ` at ${p.end}` : ''}: ${p.output.trim()}`)
            .join('\n');
        writeUntrusted(log, `Health log of ${service.name} (last ${service.healthLog.length})`, probes);
    }
    if (!service.passed || service.logTail !== '') {
        const limit = service.logTruncated ? ` (last ${smoke_output/* TAIL_BYTES */.dd / 1024} KiB)` : '';
        writeUntrusted(log, `Output of ${service.name}${limit}`, service.logTail || '(no output)');
    }
}
function printOutput(log, title, output) {
    const text = `${output.stdout}${output.stderr}`.trim();
    if (text === '' || title.endsWith('config')) {
        if (title.endsWith('config') && output.exitCode !== 0)
            writeUntrusted(log, `${title} said`, output.stderr);
        return;
    }
    writeUntrusted(log, `${title} said`, text);
}
function writeUntrusted(log, title, text) {
    if (text === '')
        return;
    const block = log.untrusted(title);
    try {
        block.write(text);
    }
    finally {
        block.close();
    }
}
function lastLine(text) {
    const lines = text
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(Boolean);
    return lines[lines.length - 1] ?? 'no output';
}


/***/ }),

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
