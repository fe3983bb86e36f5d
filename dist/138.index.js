export const id = 138;
export const ids = [138];
export const modules = {

/***/ 4138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CLI_REPORT_FILE: () => (/* binding */ CLI_REPORT_FILE),
  EXIT_FAILED: () => (/* binding */ EXIT_FAILED),
  EXIT_PASSED: () => (/* binding */ EXIT_PASSED),
  EXIT_USAGE: () => (/* binding */ EXIT_USAGE),
  helpText: () => (/* binding */ helpText),
  parseFlags: () => (/* binding */ parseFlags),
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/cleanup/cleanup.ts + 1 modules
var cleanup = __webpack_require__(6312);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs/definitions.ts
var definitions = __webpack_require__(3775);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 2 modules
var parse = __webpack_require__(2942);
// EXTERNAL MODULE: ./src/labels.ts
var labels = __webpack_require__(4584);
// EXTERNAL MODULE: ./src/pipeline.ts + 14 modules
var pipeline = __webpack_require__(9695);
// EXTERNAL MODULE: ./src/report/json.ts
var report_json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/engine/endpoint.ts + 1 modules
var engine_endpoint = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/engine/image-store.ts
var image_store = __webpack_require__(5943);
// EXTERNAL MODULE: ./src/inventory/image-size.ts
var image_size = __webpack_require__(1447);
// EXTERNAL MODULE: ./src/report/budget.ts
var budget = __webpack_require__(2585);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
;// CONCATENATED MODULE: ./src/report/text.ts






/** Rows per table in the terminal; the JSON report has the rest. */
const TEXT_MAX_ROWS = 100;
/** Lines of each failed smoke container's output repeated in the report (the log has the full tail). */
const TEXT_TAIL_LINES = 10;
const BUILD_TAIL_LINES = 30;
/**
 * The report as plain text tables, for a terminal or a CI log that is not GitHub's: the same sections as
 * the job summary, bounded the same way. Untrusted text loses escape sequences and control characters.
 */
function renderText(run) {
    const sections = [
        textVerdict(run),
        textEngine(run),
        textBuild(run),
        textSmoke(run),
        textCompose(run),
        textPush(run),
        textImages(run),
        textContainers(run),
        textDrift(run),
        textLeftovers(run)
    ];
    return `${sections.filter(Boolean).join('\n\n')}\n`;
}
function textVerdict(run) {
    if (run.failures.length === 0)
        return `PASSED in ${(0,format/* formatDuration */.a3)(run.durationMs)}`;
    return [
        `FAILED (${run.failures.length}):`,
        ...run.failures.slice(0, 50).map(f => `  - ${(0,format/* truncate */.xv)((0,report_escape/* terminalText */.eR)(f), 1000)}`),
        ...(run.failures.length > 50 ? [`  ... and ${run.failures.length - 50} more`] : [])
    ].join('\n');
}
function textEngine(run) {
    const engine = run.engine;
    const endpoint = (shown) => (0,report_escape/* terminalText */.eR)(run.endpointSource ? (0,engine_endpoint/* describeEndpoint */.N2)(shown, run.endpointSource) : shown);
    if (!engine)
        return `Engine\n  not reached: ${endpoint(run.endpoint)}`;
    const { facts } = engine;
    const info = facts.info;
    const rows = [
        ['Endpoint', endpoint(facts.endpoint)],
        ['Server version', `${facts.serverVersion} (API ${facts.apiVersion})`],
        ...(facts.podmanVersion
            ? [['Podman', `${facts.podmanVersion} (Docker-compatible API)`]]
            : []),
        ['Client', facts.clientVersion ?? 'no docker CLI on PATH'],
        ['OS / arch', `${String(info.OperatingSystem ?? '')} (${facts.os}/${facts.arch})`],
        ['Kernel', facts.kernelVersion],
        ['Storage', (0,image_store/* storageText */.xC)(info)],
        ['Cgroup', `${String(info.CgroupDriver ?? '')}, v${String(info.CgroupVersion ?? '?')}`],
        ['Default runtime', String(info.DefaultRuntime ?? '')],
        ['Security options', (info.SecurityOptions ?? []).join(', ') || 'none'],
        ['CPUs / memory', `${String(info.NCPU ?? '')} / ${(0,format/* formatBytes */.z3)(Number(info.MemTotal ?? 0))}`]
    ];
    const warnings = Array.isArray(info.Warnings) ? info.Warnings.map(String) : [];
    return [
        'Engine',
        textTable(['Fact', 'Value'], rows),
        ...engine.conditions.map(o => `  require-info ${o.passed ? 'ok  ' : 'FAIL'} ${(0,report_escape/* terminalText */.eR)(o.condition.source)} (${(0,report_escape/* terminalText */.eR)(o.actual)})`),
        warnings.length
            ? `  Daemon warnings:\n${warnings
                .slice(0, 50)
                .map(w => `    ${(0,format/* oneLine */.TN)((0,report_escape/* terminalText */.eR)(w), 500)}`)
                .join('\n')}`
            : '  Daemon warnings: none'
    ].join('\n');
}
function textBuild(run) {
    const build = run.build;
    if (!build)
        return '';
    if (build.status === 'skipped')
        return `Build\n  skipped: ${(0,report_escape/* terminalText */.eR)(build.skippedReason ?? '')}`;
    if (build.status === 'failed') {
        const failure = build.failure;
        const where = failure?.instruction
            ? ` at ${(0,report_escape/* terminalText */.eR)(failure.instruction)}${failure.line ? ` (${failure.file} line ${failure.line})` : ''}`
            : '';
        const tail = (failure?.tail ?? []).slice(-BUILD_TAIL_LINES).map(l => `  \u2502 ${(0,report_escape/* terminalText */.eR)(l)}`);
        return [
            'Build',
            `  FAILED after ${(0,format/* formatDuration */.a3)(build.durationMs)}${where}: ${(0,report_escape/* terminalText */.eR)(failure?.message ?? 'unknown error')}`,
            ...(tail.length ? [`  Last ${(0,format/* plural */.LS)(tail.length, 'line')}:`, ...tail] : [])
        ].join('\n');
    }
    const image = run.inventory?.images.find(i => i.built);
    const cached = build.steps.filter(s => s.cached).length;
    const rows = [
        ['Tags', build.tags.join(', ') || 'none'],
        ['Image ID', image?.shortId ?? (build.imageId ?? '').replace(/^sha256:/, '').slice(0, 12)],
        ['Size', (0,format/* formatBytes */.z3)((0,image_size/* builtImageSize */.rh)(build, run.inventory))],
        ['Layers', String(build.layers ?? image?.layers?.filter(l => l.sizeBytes > 0).length ?? '?')],
        ['Duration', (0,format/* formatDuration */.a3)(build.durationMs)],
        ['Builder', build.builder ?? '?'],
        ['Cached steps', build.steps.length ? `${cached} of ${build.steps.length}` : 'none reported']
    ];
    const layers = image?.layers ?? [];
    return [
        'Build',
        textTable(['Build', 'Value'], rows),
        ...(layers.length
            ? [
                '  Layers (Dockerfile order):',
                textTable(['#', 'Size', 'Instruction'], layers
                    .slice(0, TEXT_MAX_ROWS)
                    .map((l, i) => [String(i + 1), (0,format/* formatBytes */.z3)(l.sizeBytes), l.createdBy]))
            ]
            : [])
    ].join('\n');
}
function textSmoke(run) {
    if (!run.smoke)
        return run.build?.status === 'failed' ? 'Smoke\n  skipped: the build failed' : '';
    const results = run.smoke.results;
    if (results.length === 0)
        return 'Smoke\n  no containers ran';
    const lines = [
        'Smoke',
        textTable(['', 'Container', 'Image', 'Exit', 'Time', 'Why'], results
            .slice(0, TEXT_MAX_ROWS)
            .map(r => [
            r.passed ? 'ok' : 'FAIL',
            r.name,
            r.image,
            r.exitCode === undefined ? '-' : String(r.exitCode),
            (0,format/* formatDuration */.a3)(r.durationMs),
            r.reason
        ])),
        more(results.length, 'smoke container')
    ];
    for (const r of results.filter(r => !r.passed).slice(0, 20)) {
        if (r.outputTail.trim() === '')
            continue;
        const tail = (0,budget/* tailOf */.Cj)((0,report_escape/* terminalText */.eR)(r.outputTail, true), TEXT_TAIL_LINES);
        lines.push(`  Last output of ${(0,report_escape/* terminalText */.eR)(r.name)}:`, ...tail.text.split('\n').map(l => `  \u2502 ${l}`));
    }
    return lines.filter(Boolean).join('\n');
}
function textCompose(run) {
    const compose = run.compose;
    if (!compose)
        return '';
    const title = `Compose (project ${(0,report_escape/* terminalText */.eR)(compose.project)})`;
    if (compose.services.length === 0) {
        return [title, ...compose.problems.map(p => `  ${(0,format/* truncate */.xv)((0,report_escape/* terminalText */.eR)(p), 1000)}`)].join('\n');
    }
    const lines = [
        title,
        textTable(['', 'Service', 'Image', 'State', 'Health', 'Ports', 'Why'], compose.services
            .slice(0, TEXT_MAX_ROWS)
            .map(s => [
            s.passed ? 'ok' : 'FAIL',
            s.name,
            s.image || '-',
            `${s.state}${s.exitCode !== undefined ? ` (${s.exitCode})` : ''}`,
            s.health ?? '-',
            s.ports.join(', ') || '-',
            s.reason
        ])),
        more(compose.services.length, 'service')
    ];
    for (const s of compose.services.filter(s => !s.passed).slice(0, 20)) {
        for (const probe of s.healthLog.slice(-3)) {
            lines.push(`  Health check of ${(0,report_escape/* terminalText */.eR)(s.name)}: exit ${probe.exitCode}: ${(0,format/* oneLine */.TN)((0,report_escape/* terminalText */.eR)(probe.output), 200)}`);
        }
        if (s.logTail.trim() === '')
            continue;
        const tail = (0,budget/* tailOf */.Cj)((0,report_escape/* terminalText */.eR)(s.logTail, true), TEXT_TAIL_LINES);
        lines.push(`  Last output of ${(0,report_escape/* terminalText */.eR)(s.name)}:`, ...tail.text.split('\n').map(l => `  \u2502 ${l}`));
    }
    return lines.filter(Boolean).join('\n');
}
function textPush(run) {
    const push = run.push;
    if (!push)
        return '';
    if (push.status === 'not-pushed')
        return `Push\n  not pushed: ${(0,format/* truncate */.xv)((0,report_escape/* terminalText */.eR)(push.reason ?? ''), 1000)}`;
    const lines = ['Push', ...push.pushed.map(p => `  ${(0,report_escape/* terminalText */.eR)(p.pinned)}`)];
    if (push.status === 'failed')
        lines.push(...push.problems.map(p => `  failed: ${(0,format/* truncate */.xv)((0,report_escape/* terminalText */.eR)(p), 1000)}`));
    return lines.join('\n');
}
function textImages(run) {
    const inventory = run.inventory;
    if (!inventory)
        return '';
    const scope = inventory.scope === 'all' ? 'everything on the engine' : 'built, used and run by this run';
    const title = `Images (${inventory.images.length}, ${scope})`;
    if (inventory.images.length === 0)
        return `${title}\n  none`;
    return [
        title,
        ...inventory.errors.map(e => `  warning: ${(0,report_escape/* terminalText */.eR)(e)}`),
        textTable(['Repository:tag', 'ID', 'Size', 'Created'], inventory.images
            .slice(0, TEXT_MAX_ROWS)
            .map(i => [
            `${i.built ? '* ' : ''}${i.tags.length ? i.tags.slice(0, 3).join(', ') : '<none>'}${i.tags.length > 3 ? ` +${i.tags.length - 3}` : ''}`,
            i.shortId,
            (0,format/* formatBytes */.z3)(i.sizeBytes),
            (0,format/* formatDate */.Yq)(i.created)
        ])),
        more(inventory.images.length, 'image')
    ]
        .filter(Boolean)
        .join('\n');
}
function textContainers(run) {
    const inventory = run.inventory;
    if (!inventory)
        return '';
    const title = `Containers (${inventory.containers.length})`;
    if (inventory.containers.length === 0)
        return `${title}\n  none`;
    return [
        title,
        textTable(['Name', 'Image', 'Command', 'State', 'Status', 'Exit', 'Created', 'Ports'], inventory.containers
            .slice(0, TEXT_MAX_ROWS)
            .map(c => [
            c.name,
            c.image,
            c.command,
            c.state,
            c.status,
            c.exitCode === undefined ? '-' : String(c.exitCode),
            (0,format/* formatDate */.Yq)(c.created),
            c.ports.join(', ')
        ]), 30),
        more(inventory.containers.length, 'container')
    ]
        .filter(Boolean)
        .join('\n');
}
function textDrift(run) {
    const drift = run.drift;
    if (!drift)
        return '';
    if (drift.status !== 'compared')
        return `Drift\n  ${(0,report_escape/* terminalText */.eR)(drift.message ?? drift.status)}`;
    const notes = (drift.notes ?? []).map(n => `  note: ${(0,report_escape/* terminalText */.eR)(n)}`);
    if (drift.items.length === 0)
        return ['Drift', '  no drift from the baseline', ...notes].join('\n');
    const failing = new Set(drift.failing.map(d => d.field));
    return [
        'Drift',
        textTable(['', 'Field', 'Was', 'Now'], drift.items
            .slice(0, TEXT_MAX_ROWS)
            .map(d => [
            failing.has(d.field) ? 'FAIL' : '',
            `${d.field}${d.security ? ' (security)' : ''}`,
            d.was,
            d.now
        ])),
        ...notes
    ].join('\n');
}
function textLeftovers(run) {
    const leftovers = run.leftovers;
    if (!leftovers || (leftovers.containers.length === 0 && leftovers.images.length === 0 && !leftovers.error))
        return '';
    const lines = ['Left by earlier runs'];
    if (leftovers.error)
        lines.push(`  warning: ${(0,report_escape/* terminalText */.eR)(leftovers.error)}`);
    if (leftovers.containers.length) {
        lines.push(textTable(['Container', 'Image', 'State', 'Run', 'Age'], leftovers.containers
            .slice(0, TEXT_MAX_ROWS)
            .map(c => [c.name, c.image, c.state, c.runId, (0,format/* formatAge */.nV)(c.ageMs)])), more(leftovers.containers.length, 'container'));
    }
    if (leftovers.images.length) {
        lines.push(textTable(['Image', 'ID', 'Size', 'Run', 'Age'], leftovers.images
            .slice(0, TEXT_MAX_ROWS)
            .map(i => [
            i.tags.join(', ') || '<none>',
            i.shortId,
            (0,format/* formatBytes */.z3)(i.sizeBytes),
            i.runId,
            (0,format/* formatAge */.nV)(i.ageMs)
        ])), more(leftovers.images.length, 'image'));
    }
    return lines.filter(Boolean).join('\n');
}
function more(total, noun) {
    return total > TEXT_MAX_ROWS
        ? `  ... ${(0,format/* plural */.LS)(total - TEXT_MAX_ROWS, `more ${noun}`)} (the JSON report has them all)`
        : '';
}
/**
 * A plain aligned table with a header rule. Cells are untrusted: escape sequences and control characters
 * are removed, and each column is at most `maxWidth` characters wide.
 */
function textTable(headers, rows, maxWidth = 60) {
    const all = [headers, ...rows.map(r => r.map(c => (0,report_escape/* terminalText */.eR)(c)))];
    // The last column is not padded, so it may run longer (a reason, an instruction).
    const cap = (i) => (i === headers.length - 1 ? Math.max(maxWidth, 200) : maxWidth);
    const widths = headers.map((_, i) => Math.min(cap(i), Math.max(...all.map(r => (r[i] ?? '').length))));
    const fmt = (row) => '  ' +
        row
            .map((cell, i) => {
            const w = widths[i];
            const text = cell.length > w ? `${cell.slice(0, w - 1)}\u2026` : cell;
            return i === row.length - 1 ? text : text.padEnd(w);
        })
            .join('  ');
    return [fmt(all[0]), `  ${widths.map(w => '\u2500'.repeat(w)).join('  ')}`, ...all.slice(1).map(fmt)].join('\n');
}

// EXTERNAL MODULE: ./src/did-you-mean.ts
var did_you_mean = __webpack_require__(3772);
// EXTERNAL MODULE: ./src/runtime/cancel.ts
var cancel = __webpack_require__(3952);
// EXTERNAL MODULE: ./src/runtime/environment.ts
var environment = __webpack_require__(329);
// EXTERNAL MODULE: ./src/log/untrusted.ts
var untrusted = __webpack_require__(1168);
;// CONCATENATED MODULE: ./src/runtime/terminal-log.ts



const SPINNER = ['\u280b', '\u2819', '\u2839', '\u2838', '\u283c', '\u2834', '\u2826', '\u2827', '\u2807', '\u280f'];
/** How often the status line is redrawn on a TTY. */
const TICK_MS = 200;
/** Off a TTY, progress messages are printed at most this often (a CI log is not a screen). */
const PLAIN_PROGRESS_EVERY_MS = 5_000;
/**
 * The Log for a terminal or another CI system. On a TTY, a status line at the bottom shows the step in
 * progress (a group, or a build's or container's output), its elapsed time and the latest progress
 * message, redrawn in place; everything else scrolls above it. Elsewhere, progress prints at most a line
 * every few seconds. Untrusted text is indented under its title, with escape sequences removed so
 * container output cannot move the cursor or recolour the terminal.
 */
class TerminalLog {
    out;
    verbose;
    statusShown = false;
    lastPlainProgressAt = 0;
    lastProgress = '';
    activities = [];
    ticker;
    frame = 0;
    constructor(out = process.stderr, verbose = false) {
        this.out = out;
        this.verbose = verbose;
    }
    info(message) {
        this.line((0,untrusted/* stripAnsi */.aJ)(message));
    }
    warning(message, target) {
        this.line(`warning: ${where(target)}${(0,untrusted/* stripAnsi */.aJ)(message)}`);
    }
    error(message, target) {
        this.line(`error: ${where(target)}${(0,untrusted/* stripAnsi */.aJ)(message)}`);
    }
    async group(title, fn) {
        const clean = (0,format/* oneLine */.TN)((0,report_escape/* terminalText */.eR)(title));
        this.line(`\u25b6 ${clean}`);
        const end = this.begin(clean);
        try {
            return await fn();
        }
        finally {
            end();
        }
    }
    untrusted(title) {
        const clean = (0,format/* oneLine */.TN)((0,report_escape/* terminalText */.eR)(title));
        this.line(`\u25b6 ${clean}`);
        const end = this.begin(clean);
        let closed = false;
        return {
            write: text => {
                if (closed)
                    return;
                for (const l of (0,untrusted/* normalizeLines */.tZ)((0,untrusted/* stripAnsi */.aJ)(text)).split('\n'))
                    this.line(`  \u2502 ${(0,report_escape/* terminalText */.eR)(l, true)}`);
            },
            close: () => {
                if (closed)
                    return;
                closed = true;
                end();
            }
        };
    }
    progress(message) {
        this.lastProgress = (0,format/* oneLine */.TN)((0,report_escape/* terminalText */.eR)(message));
        if (this.out.isTTY) {
            this.drawStatus();
        }
        else if (Date.now() - this.lastPlainProgressAt > PLAIN_PROGRESS_EVERY_MS) {
            this.lastPlainProgressAt = Date.now();
            this.out.write(`${this.lastProgress}\n`);
        }
    }
    debug(message) {
        if (this.verbose)
            this.line(`debug: ${(0,untrusted/* stripAnsi */.aJ)(message)}`);
    }
    /** Clears the status line and stops redrawing it; call once the run is over. */
    dispose() {
        this.activities.length = 0;
        this.stopTicker();
        this.clearStatus();
    }
    /** Starts a step shown on the status line; returns what ends it. */
    begin(title) {
        const activity = { title, started: Date.now() };
        this.activities.push(activity);
        this.lastProgress = '';
        if (this.out.isTTY && !this.ticker) {
            this.ticker = setInterval(() => {
                this.frame = (this.frame + 1) % SPINNER.length;
                this.drawStatus();
            }, TICK_MS);
            this.ticker.unref();
        }
        return () => {
            const index = this.activities.lastIndexOf(activity);
            if (index >= 0)
                this.activities.splice(index, 1);
            this.lastProgress = '';
            if (this.activities.length === 0) {
                this.stopTicker();
                this.clearStatus();
            }
        };
    }
    drawStatus() {
        if (!this.out.isTTY)
            return;
        const activity = this.activities.at(-1);
        const parts = [];
        if (activity) {
            parts.push(`${SPINNER[this.frame]} ${activity.title}`);
            parts.push((0,format/* formatElapsed */.C7)(Date.now() - activity.started));
        }
        if (this.lastProgress)
            parts.push(this.lastProgress);
        if (parts.length === 0)
            return;
        const width = this.out.columns ?? 100;
        this.out.write(`\r\x1b[2K${parts.join(' · ').slice(0, Math.max(10, width - 1))}`);
        this.statusShown = true;
    }
    clearStatus() {
        if (!this.statusShown)
            return;
        this.out.write('\r\x1b[2K');
        this.statusShown = false;
    }
    stopTicker() {
        if (this.ticker)
            clearInterval(this.ticker);
        this.ticker = undefined;
    }
    line(text) {
        this.clearStatus();
        this.out.write(`${text}\n`);
        // Keep the status line under whatever scrolled past.
        if (this.activities.length > 0)
            this.drawStatus();
    }
}
function where(target) {
    if (!target?.file)
        return '';
    return `${target.file}${target.startLine ? `:${target.startLine}` : ''}: `;
}

;// CONCATENATED MODULE: ./src/runtime/cli.ts















/** Where the CLI writes the JSON report without --report-path: next to the person or CI job running it. */
const CLI_REPORT_FILE = 'docker-preflight-report.json';
const EXIT_PASSED = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
/** Boolean inputs whose default is true get a `--no-<name>` flag (Node 20's parseArgs has no allowNegative). */
function negatable(input) {
    return input.kind === 'boolean' && input.default === 'true';
}
/** What differs on the CLI, shown in --help. */
const CLI_NOTES = {
    'report-path': `On the CLI the default is ./${CLI_REPORT_FILE} (the current directory).`,
    summary: 'The job summary is GitHub-only: the CLI accepts the flag and ignores it.',
    'cleanup-images': 'On the CLI, the images are removed when the run ends (there is no post step).'
};
function flagSpecs() {
    const specs = {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' }
    };
    for (const input of definitions/* INPUTS */.mc) {
        if (input.kind === 'boolean') {
            specs[input.name] = { type: 'boolean' };
            if (negatable(input))
                specs[`no-${input.name}`] = { type: 'boolean' };
        }
        else {
            // Multiline inputs may be given several times: --require-info NCPU>=2 --require-info Driver=overlay2
            specs[input.name] = { type: 'string', multiple: input.kind === 'multiline' };
        }
    }
    return specs;
}
/** The usage problem in one line: thrown by parseFlags, turned into exit status 2. */
class UsageError extends Error {
}
/** Flags \u2192 raw input strings. Throws UsageError with one clear line. */
function parseFlags(argv) {
    const specs = flagSpecs();
    let values;
    try {
        values = (0,external_node_util_.parseArgs)({
            args: normalizeBooleanValues(argv),
            options: specs,
            allowPositionals: false,
            strict: true
        }).values;
    }
    catch (error) {
        if (error instanceof UsageError)
            throw error;
        throw new UsageError(describeParseError(error, Object.keys(specs)));
    }
    const raw = {};
    for (const input of definitions/* INPUTS */.mc) {
        const value = values[input.name];
        if (input.kind === 'boolean') {
            const negative = negatable(input) ? values[`no-${input.name}`] : undefined;
            if (value && negative)
                throw new UsageError(`--${input.name} and --no-${input.name} contradict each other`);
            if (value)
                raw[input.name] = 'true';
            if (negative)
                raw[input.name] = 'false';
        }
        else if (Array.isArray(value)) {
            raw[input.name] = value.map(String).join('\n');
        }
        else if (value !== undefined) {
            raw[input.name] = String(value);
        }
    }
    return { help: values.help === true, version: values.version === true, raw };
}
/**
 * `--disk-usage=true` and `--cleanup=false`, as people copy them from a workflow's `with:`, become
 * `--disk-usage` and `--no-cleanup`. parseArgs alone rejects a value on a boolean flag. A flag that takes
 * a value is joined with the next argument (`--smoke=...`), so a value may start with `-`.
 */
function normalizeBooleanValues(argv) {
    const result = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            result.push(...argv.slice(i));
            break;
        }
        // A flag that takes a value takes the next argument whatever it starts with: `--smoke '- image: x'`
        // is a YAML list. parseArgs refuses a value starting with `-` unless it is joined with `=`.
        const bare = /^--([a-z][a-z0-9-]*)$/i.exec(arg);
        const valued = bare ? definitions/* INPUTS */.mc.find(i => i.name === bare[1] && i.kind !== 'boolean') : undefined;
        if (valued && i + 1 < argv.length) {
            result.push(`--${valued.name}=${argv[++i]}`);
            continue;
        }
        const match = /^--([a-z][a-z0-9-]*)=(.*)$/is.exec(arg);
        const input = match ? definitions/* INPUTS */.mc.find(i => i.name === match[1] && i.kind === 'boolean') : undefined;
        if (!match || !input) {
            result.push(arg);
            continue;
        }
        const value = match[2].toLowerCase();
        const on = ['true', 'yes', '1', 'on'].includes(value);
        const off = ['false', 'no', '0', 'off'].includes(value);
        if (!on && !off)
            throw new UsageError(`--${input.name} takes true or false, not "${match[2]}"`);
        if (on)
            result.push(`--${input.name}`);
        else if (negatable(input))
            result.push(`--no-${input.name}`);
        // false on a flag that is off by default: nothing to pass.
    }
    return result;
}
function describeParseError(error, known) {
    const message = (0,errors/* messageOf */.bD)(error);
    const code = (0,errors/* errorCode */.CA)(error);
    const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
    switch (code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
            const name = flag?.replace(/^-+/, '').replace(/=.*$/, '') ?? '';
            const near = (0,did_you_mean/* didYouMean */.a)(name, known);
            return `unknown flag ${flag ?? ''}${near ? ` (did you mean --${near}?)` : ''}`;
        }
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            if (/argument missing/.test(message))
                return `${flag ?? 'a flag'} needs a value`;
            return `${flag ?? 'a flag'} takes no value (it is a switch; --${flag?.replace(/^-+/, '')}=false turns it off)`;
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}: every setting is a --flag`;
        default:
            return message.split('\n')[0] ?? message;
    }
}
/**
 * Runs the CLI; resolves to the exit code: 0 every check passed, 1 a check failed (or the engine could
 * not be used), 2 bad usage (an unknown flag, an invalid value), 130/143 cancelled by SIGINT/SIGTERM.
 */
async function runCli(argv, streams = { stdout: process.stdout, stderr: process.stderr }, processEnv = process.env) {
    const usage = (message) => {
        streams.stderr.write(`docker-preflight: ${message}. Run docker-preflight --help for the flags.\n`);
        return EXIT_USAGE;
    };
    let flags;
    try {
        flags = parseFlags(argv);
    }
    catch (error) {
        if (error instanceof UsageError)
            return usage(error.message);
        throw error;
    }
    if (flags.help) {
        streams.stdout.write(helpText());
        return EXIT_PASSED;
    }
    if (flags.version) {
        streams.stdout.write(`docker-preflight ${report_json/* TOOL_VERSION */.wr}\n`);
        return EXIT_PASSED;
    }
    const raw = flags.raw;
    if (raw['smoke-file'] !== undefined) {
        if (raw.smoke !== undefined)
            return usage('give --smoke or --smoke-file, not both');
        try {
            raw.smoke = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(raw['smoke-file']), 'utf8');
        }
        catch (error) {
            const why = (0,errors/* errorCode */.CA)(error) === 'ENOENT' ? 'no such file' : (0,errors/* messageOf */.bD)(error);
            return usage(`--smoke-file ${raw['smoke-file']}: ${why}`);
        }
    }
    raw['report-path'] ??= (0,external_node_path_.resolve)(CLI_REPORT_FILE);
    // Not the action, even when run inside a GitHub job: no workflow commands, no job summary.
    const env = (0,environment/* readEnvironment */.Q)({ ...processEnv, GITHUB_ACTIONS: undefined });
    let config;
    try {
        config = await (0,parse/* parseInputsOrThrow */.Ir)(raw, env, { processEnv });
    }
    catch (error) {
        if (error instanceof errors/* PreflightError */.wG) {
            streams.stderr.write(`docker-preflight: ${error.message}\n`);
            return EXIT_USAGE;
        }
        throw error;
    }
    const log = new TerminalLog(streams.stderr);
    let signalName;
    const cancellation = (0,cancel/* onTermination */.o)(name => {
        signalName = name;
        log.warning(`Received ${name}: stopping, then removing what this run created.`);
    });
    const { signal } = cancellation;
    let run;
    try {
        run = await (0,pipeline/* runPipeline */.a)(config, env, { log, processEnv, signal });
        if (signal.aborted)
            throw new errors/* PreflightError */.wG('cancelled');
    }
    catch (error) {
        log.dispose();
        if (signal.aborted) {
            await removeRun(config, env.runId, log, processEnv, false);
            streams.stderr.write(`docker-preflight: cancelled (${signalName ?? 'signal'})\n`);
            cancellation.dispose();
            return signalName === 'SIGTERM' ? 143 : 130;
        }
        cancellation.dispose();
        const message = error instanceof errors/* PreflightError */.wG ? error.message : `unexpected error: ${stackOf(error)}`;
        streams.stderr.write(`docker-preflight: ${message}\n`);
        return EXIT_FAILED;
    }
    // What the post step does in the action: containers the run left (a safety net; the smoke stage removes
    // its own), and with --cleanup-images the images it built. --no-cleanup keeps them for a look.
    if (config.smoke.cleanup)
        await removeRun(config, env.runId, log, processEnv, config.cleanupImages);
    else {
        log.info(`Containers of this run were kept (--no-cleanup); find them with label ${labels/* LABEL_RUN */.Bt}=${env.runId}`);
    }
    log.dispose();
    cancellation.dispose();
    const report = (0,report_json/* buildReport */.FK)(run, env);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    let written = true;
    try {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(config.report.path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(config.report.path, json);
    }
    catch (error) {
        written = false;
        streams.stderr.write(`docker-preflight: could not write the report to ${config.report.path}: ${(0,errors/* messageOf */.bD)(error)}\n`);
    }
    if (flags.raw.json === 'true')
        streams.stdout.write(json);
    else
        streams.stdout.write(`${renderText(run)}${written ? `\nReport: ${config.report.path}\n` : ''}`);
    return run.failures.length === 0 && written ? EXIT_PASSED : EXIT_FAILED;
}
/** Removes what the run labelled; a warning, never a failure, when it cannot. */
async function removeRun(config, runId, log, processEnv, removeImages) {
    const result = await (0,cleanup/* cleanupAt */.C5)({
        dockerHost: config.engine.dockerHost,
        processEnv,
        runId,
        removeImages,
        log,
        timeoutMs: 20_000
    });
    for (const line of (0,cleanup/* describeCleanup */.E1)(result))
        if (!line.startsWith('Nothing'))
            log.info(line);
    for (const problem of result.problems)
        log.warning(problem);
}
function stackOf(error) {
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
/** --help: every flag, from the one definition of the inputs. */
function helpText() {
    const lines = [
        'Usage: docker-preflight [flags]',
        '',
        'Checks the Docker engine, builds the Dockerfile, runs smoke containers and reports: the same pipeline',
        'as the GitHub Action, with flags named like its inputs. The report goes to stdout (text tables, or',
        'JSON with --json) and to a JSON file; the log and a progress line go to stderr.',
        '',
        'Exit status: 0 every check passed, 1 a check failed or the engine could not be used, 2 bad usage,',
        '130/143 cancelled (SIGINT/SIGTERM).',
        '',
        'Switches take no value (--pull), or =true/=false (--pull=true); multi-line inputs may be repeated',
        '(--require-info NCPU>=2 --require-info Driver=overlay2) or given once with newlines or commas.',
        '',
        'Flags:'
    ];
    for (const input of definitions/* INPUTS */.mc) {
        let flag;
        if (input.kind === 'boolean')
            flag = negatable(input) ? `--${input.name}, --no-${input.name}` : `--${input.name}`;
        else
            flag = `--${input.name} <${input.kind === 'multiline' ? 'lines' : 'value'}>`;
        const notes = [];
        if (input.kind === 'boolean')
            notes.push(`default: ${input.default === 'true' ? 'on' : 'off'}`);
        else if (input.default)
            notes.push(`default: ${input.default}`);
        if (input.cliOnly)
            notes.push('CLI only');
        lines.push(`  ${flag}`, `      ${plain(input.description)}${notes.length ? ` (${notes.join('; ')})` : ''}`);
        if (CLI_NOTES[input.name])
            lines.push(`      ${CLI_NOTES[input.name]}`);
    }
    lines.push('  --version', '      Print the version.', '  -h, --help', '      Show this help.', '');
    return lines.join('\n');
}
/** Markdown code spans read as noise in a terminal. */
function plain(text) {
    return text.replace(/`([^`]*)`/g, '$1');
}


/***/ })

};
