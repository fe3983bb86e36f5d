export const id = 320;
export const ids = [320];
export const modules = {

/***/ 2320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction),
  settledOrCancelled: () => (/* binding */ settledOrCancelled)
});

// NAMESPACE OBJECT: ./src/runtime/actions-core.ts
var actions_core_namespaceObject = {};
__webpack_require__.r(actions_core_namespaceObject);
__webpack_require__.d(actions_core_namespaceObject, {
  debug: () => (debug),
  endGroup: () => (endGroup),
  error: () => (error),
  exportVariable: () => (exportVariable),
  getInput: () => (getInput),
  getState: () => (getState),
  group: () => (group),
  info: () => (info),
  isDebug: () => (isDebug),
  saveState: () => (saveState),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  startGroup: () => (startGroup),
  summary: () => (summary),
  warning: () => (warning)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "os"
var external_os_ = __webpack_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: ./src/ids.ts
var ids = __webpack_require__(2325);
;// CONCATENATED MODULE: ./src/runtime/actions-core.ts
// The part of @actions/core this action uses, without the OIDC client: @actions/core's entry imports
// oidc-utils, and with it @actions/http-client and undici (1 MB of bundle, ~90 ms of CPU on every run,
// main and post) for getIDToken, which docker-preflight never calls. The commands are @actions/core's own
// modules, imported past its entry; the functions below are copied from its lib/core.js,
// lib/file-command.js and lib/summary.js (v3) and must stay in step with them. The file commands are
// copied rather than imported because theirs load node:crypto for one random delimiter (src/ids.ts), and
// the summary because @actions/core's lib/summary.js takes fs.promises as it loads (src/fs-async.ts).





/**
 * @actions/core's lib/summary.js addRaw and write (append, not overwrite), with its checks and messages,
 * over node:fs's synchronous calls, as the file commands below append.
 */
class JobSummary {
    buffer = '';
    addRaw(text) {
        this.buffer += text;
        return this;
    }
    async write() {
        const filePath = process.env.GITHUB_STEP_SUMMARY;
        if (!filePath)
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
        try {
            (0,external_node_fs_.accessSync)(filePath, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
        }
        catch {
            throw new Error(`Unable to access summary file: '${filePath}'. Check if the file has correct read/write permissions.`);
        }
        (0,external_node_fs_.appendFileSync)(filePath, this.buffer, { encoding: 'utf8' });
        this.buffer = '';
        return this;
    }
}
const summary = new JobSummary();
/** @actions/core's lib/file-command.js issueFileCommand. */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath)
        throw new Error(`Unable to find environment variable for file command ${command}`);
    if (!(0,external_node_fs_.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    (0,external_node_fs_.appendFileSync)(filePath, `${toCommandValue(message)}${external_node_os_.EOL}`, { encoding: 'utf8' });
}
/** @actions/core's lib/file-command.js prepareKeyValueMessage: a heredoc with a random delimiter. */
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${(0,ids/* randomUuid */.bX)()}`;
    const convertedValue = toCommandValue(value);
    if (key.includes(delimiter))
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (convertedValue.includes(delimiter))
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    return `${key}<<${delimiter}${external_node_os_.EOL}${convertedValue}${external_node_os_.EOL}${delimiter}`;
}
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options?.required && !val)
        throw new Error(`Input required and not supplied: ${name}`);
    if (options?.trimWhitespace === false)
        return val;
    return val.trim();
}
function exportVariable(name, value) {
    const convertedVal = toCommandValue(value);
    process.env[name] = convertedVal;
    if (process.env.GITHUB_ENV)
        return issueFileCommand('ENV', prepareKeyValueMessage(name, value));
    issueCommand('set-env', { name }, convertedVal);
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT)
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    process.stdout.write(external_node_os_.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
function saveState(name, value) {
    if (process.env.GITHUB_STATE)
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    issueCommand('save-state', { name }, toCommandValue(value));
}
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
    process.stdout.write(message + external_node_os_.EOL);
}
function startGroup(name) {
    issue('group', name);
}
function endGroup() {
    issue('endgroup');
}
async function group(name, fn) {
    startGroup(name);
    try {
        return await fn();
    }
    finally {
        endGroup();
    }
}

// EXTERNAL MODULE: ./src/cleanup/cleanup.ts + 1 modules
var cleanup = __webpack_require__(6312);
// EXTERNAL MODULE: ./src/engine/endpoint.ts + 1 modules
var endpoint = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/inputs/definitions.ts
var definitions = __webpack_require__(3775);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 2 modules
var parse = __webpack_require__(2942);
// EXTERNAL MODULE: ./src/pipeline.ts + 14 modules
var pipeline = __webpack_require__(9695);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/inventory/image-size.ts
var image_size = __webpack_require__(1447);
;// CONCATENATED MODULE: ./src/report/outputs.ts

/** An output the runner must carry; the report file has everything, however large. */
const OUTPUT_LIMIT_BYTES = 900 * 1024;
/** The step outputs, derived from the run alone. Every value is a string, as the runner wants. */
function stepOutputs(run, reportPath) {
    const outputs = {};
    const facts = run.engine?.facts;
    if (facts) {
        outputs['docker-version'] = facts.serverVersion;
        outputs['api-version'] = facts.apiVersion;
        outputs['client-version'] = facts.clientVersion ?? '';
        outputs['info'] = JSON.stringify(facts.info);
    }
    if (run.build) {
        outputs['image-id'] = run.build.imageId ?? '';
        outputs['image-tags'] = run.build.status === 'built' ? run.build.tags.join(',') : '';
        // The same number as the summary and max-image-size: see inventory/image-size.ts.
        const size = (0,image_size/* builtImageSize */.rh)(run.build, run.inventory);
        outputs['image-size'] = size !== undefined ? String(size) : '';
        outputs['build-duration'] = run.build.status === 'skipped' ? '' : String(run.build.durationMs);
    }
    if (run.smoke) {
        outputs['smoke-passed'] = String(run.smoke.passed);
        outputs['smoke-results'] = JSON.stringify(run.smoke.results.map(r => ({
            name: r.name,
            image: r.image,
            passed: r.passed,
            exitCode: r.exitCode ?? null,
            durationMs: r.durationMs,
            reason: r.reason
        })));
    }
    if (run.inventory) {
        outputs['images'] = boundedJsonArray(run.inventory.images);
        outputs['containers'] = boundedJsonArray(run.inventory.containers);
    }
    if (run.drift)
        outputs['drift'] = JSON.stringify(run.drift.items);
    if (run.push) {
        outputs['digest'] = run.push.digest ?? '';
        outputs['pushed-tags'] = run.push.pushed.map(p => p.tag).join(',');
    }
    if (run.structure)
        outputs['structure-passed'] = String(run.structure.status === 'passed');
    if (run.efficiency?.efficiency !== undefined) {
        outputs['wasted-bytes'] = String(run.efficiency.wastedBytes ?? 0);
        outputs['efficiency'] = String(run.efficiency.efficiency);
    }
    if (reportPath)
        outputs['report'] = reportPath;
    return outputs;
}
/**
 * A JSON array of as many leading items as fit OUTPUT_LIMIT_BYTES (always valid JSON). Only an engine with
 * many thousands of images reaches the limit; the JSON report lists them all.
 */
function boundedJsonArray(items, limit = OUTPUT_LIMIT_BYTES) {
    const whole = JSON.stringify(items);
    if (Buffer.byteLength(whole) <= limit)
        return whole;
    const parts = [];
    let bytes = 2;
    for (const item of items) {
        const json = JSON.stringify(item);
        const size = Buffer.byteLength(json) + 1;
        if (bytes + size > limit)
            break;
        parts.push(json);
        bytes += size;
    }
    return `[${parts.join(',')}]`;
}

// EXTERNAL MODULE: ./src/engine/image-store.ts
var image_store = __webpack_require__(5943);
// EXTERNAL MODULE: ./src/report/budget.ts
var report_budget = __webpack_require__(2585);
;// CONCATENATED MODULE: ./src/report/html.ts

function table(headers, rows) {
    return `${tableStart(headers)}${rows.map(tableRow).join('')}</table>\n`;
}
/** The opening tag and header row, for tables whose rows are rendered (and budgeted) one by one. */
function tableStart(headers) {
    return `<table><tr>${headers.map(h => `<th>${(0,report_escape/* escapeHtml */.ZD)(h)}</th>`).join('')}</tr>`;
}
function tableRow(row) {
    let html = '<tr>';
    for (const cell of row) {
        if (typeof cell === 'string') {
            html += `<td>${cell}</td>`;
            continue;
        }
        const tag = cell.header ? 'th' : 'td';
        const span = cell.colspan ? ` colspan="${cell.colspan}"` : '';
        html += `<${tag}${span}>${cell.html}</${tag}>`;
    }
    return `${html}</tr>`;
}
/**
 * A folded block; `summaryText` is plain text (escaped here, so it may hold a container's name),
 * `bodyHtml` already-escaped HTML. The blank lines let GitHub render Markdown (a Mermaid fence) inside.
 */
function details(summaryText, bodyHtml) {
    return `<details><summary>${(0,report_escape/* escapeMarkdown */.FV)(summaryText)}</summary>\n\n${bodyHtml}\n</details>\n`;
}
function heading(text, level = 2) {
    return `<h${level}>${(0,report_escape/* escapeHtml */.ZD)(text)}</h${level}>\n`;
}
function paragraph(html) {
    return `<p>${html}</p>\n`;
}
/**
 * Untrusted multi-line text in a <pre>. It starts its own line after a blank one, so Markdown treats it as
 * a <pre> HTML block that only `</pre>` ends (and the text cannot contain one: it is escaped).
 */
function pre(untrustedText) {
    return `\n<pre>${(0,report_escape/* escapePre */.j2)(untrustedText)}</pre>\n\n`;
}
/** A Mermaid diagram; every label in `source` must already have gone through mermaidLabel(). */
function mermaid(source) {
    return `\n\`\`\`mermaid\n${source}\n\`\`\`\n\n`;
}

;// CONCATENATED MODULE: ./src/report/tails.ts
// Failed containers' and services' output in the job summary: each folded under its name, all of them
// together within TAILS_BUDGET_BYTES (the log and the JSON report keep what is left out).



/** `Output of <name> (last N lines | all)<where>`, folded, the end of the output inside (escaped). */
function outputBlock(name, output, truncated, where = '') {
    const tail = (0,report_budget/* tailOf */.Cj)(output);
    const lines = tail.text.split('\n').length;
    const label = tail.cut || truncated ? `last ${(0,format/* plural */.LS)(lines, 'line')}` : 'all';
    return details(`Output of ${(0,format/* truncate */.xv)(name, 100)} (${label})${where}`, pre(tail.text));
}
/** Appends blocks to `parts` while they fit in the tails' budget together; counts those left out. */
class TailsBudget {
    parts;
    used = 0;
    leftOut = 0;
    constructor(parts) {
        this.parts = parts;
    }
    add(html) {
        const size = (0,report_budget/* byteLength */.dp)(html);
        if (this.used + size > report_budget/* TAILS_BUDGET_BYTES */.cR) {
            this.leftOut++;
            return;
        }
        this.used += size;
        this.parts.push(html);
    }
}

;// CONCATENATED MODULE: ./src/report/compose.ts





/** Services beyond this many are not drawn (the table still lists them). */
const MAX_CHART_SERVICES = 40;
function renderCompose(compose) {
    if (!compose)
        return '';
    const title = heading('Compose', 3);
    const passed = compose.services.filter(s => s.passed).length;
    const facts = paragraph(`Project <code>${(0,report_escape/* cell */.Hn)(compose.project, 100)}</code> from ${compose.files.map(f => `<code>${(0,report_escape/* cell */.Hn)(f, 200)}</code>`).join(', ')}: ` +
        `${passed} of ${(0,format/* plural */.LS)(compose.services.length, 'service')} passed in ${(0,format/* formatDuration */.a3)(compose.durationMs)}; ` +
        (compose.removed.problems.length === 0
            ? 'the stack was taken down.'
            : `the stack was not fully removed (${(0,report_escape/* cell */.Hn)(compose.removed.problems.join('; '), 300)}).`));
    if (compose.services.length === 0) {
        return `${title}${paragraph((0,report_escape/* cell */.Hn)(compose.problems.join(' '), 1000) || 'No services.')}`;
    }
    const rows = compose.services.map(s => tableRow([
        s.passed ? '\u2705' : '\u274c',
        (0,report_escape/* cell */.Hn)(s.name, 100),
        (0,report_escape/* codeCell */.MZ)(s.image || '\u2013', 150),
        (0,report_escape/* cell */.Hn)(`${s.state}${s.exitCode !== undefined ? ` (${s.exitCode})` : ''}`, 40),
        (0,report_escape/* cell */.Hn)(s.health ?? '\u2013', 20),
        s.ports.length > 0 ? s.ports.map(p => (0,report_escape/* codeCell */.MZ)(p, 60)).join('<br>') : '\u2013',
        (0,report_escape/* cell */.Hn)(s.reason, 500)
    ]));
    const table = `${tableStart(['', 'Service', 'Image', 'State', 'Health', 'Ports', 'Why'])}${rows.join('')}</table>\n`;
    const extra = compose.containers.length > 0
        ? `${tableStart(['', 'Container on the stack network', 'Image', 'Exit', 'Why'])}${compose.containers
            .map(c => tableRow([
            c.passed ? '\u2705' : '\u274c',
            (0,report_escape/* cell */.Hn)(c.name, 100),
            (0,report_escape/* codeCell */.MZ)(c.image, 150),
            c.exitCode === undefined ? '\u2013' : String(c.exitCode),
            (0,report_escape/* cell */.Hn)(c.reason, 500)
        ]))
            .join('')}</table>\n`
        : '';
    const containerOutput = compose.containers
        .filter(c => !c.passed && c.outputTail.trim() !== '')
        .map(c => details(`Output of ${(0,format/* truncate */.xv)(c.name, 100)}`, pre((0,report_budget/* tailOf */.Cj)(c.outputTail).text)))
        .join('');
    return `${title}${facts}${table}${extra}${dependencyChart(compose.services)}${failureDetails(compose.services)}${containerOutput}`;
}
/** A flowchart of depends_on: an arrow from each dependency to the service that waits for it. */
function dependencyChart(services) {
    if (services.length === 0)
        return '';
    const shown = services.slice(0, MAX_CHART_SERVICES);
    const id = new Map(shown.map((s, i) => [s.name, `s${i}`]));
    const lines = ['flowchart LR'];
    for (const s of shown) {
        const kind = s.kind === 'one-shot' ? ' (one-shot)' : '';
        lines.push(`    ${id.get(s.name)}["${(0,report_escape/* mermaidLabel */._b)(s.name)}${kind}"]`);
    }
    for (const s of shown) {
        for (const dep of s.dependsOn) {
            const from = id.get(dep.service);
            if (!from)
                continue;
            const condition = dep.condition.replace(/^service_/, '').replace('completed_successfully', 'completed');
            lines.push(`    ${from} -->|${(0,report_escape/* mermaidLabel */._b)(condition, 20)}| ${id.get(s.name)}`);
        }
    }
    lines.push('    classDef failed fill:#ffebe9,stroke:#cf222e');
    lines.push('    classDef passed fill:#dafbe1,stroke:#1a7f37');
    const failed = shown.filter(s => !s.passed).map(s => id.get(s.name));
    const ok = shown.filter(s => s.passed).map(s => id.get(s.name));
    if (failed.length > 0)
        lines.push(`    class ${failed.join(',')} failed`);
    if (ok.length > 0)
        lines.push(`    class ${ok.join(',')} passed`);
    const note = services.length > shown.length
        ? paragraph(`The chart shows the first ${shown.length} of ${(0,format/* plural */.LS)(services.length, 'service')}.`)
        : '';
    return `${note}${mermaid(lines.join('\n'))}`;
}
function failureDetails(services) {
    const parts = [];
    const tails = new TailsBudget(parts);
    for (const s of services.filter(s => !s.passed)) {
        const where = s.definedAt ? ` (defined at ${s.definedAt.file}:${s.definedAt.line})` : '';
        const blocks = [];
        if (s.healthLog.length > 0) {
            const probes = s.healthLog.map(p => `exit ${p.exitCode}: ${p.output.trim()}`).join('\n');
            blocks.push(details(`Health log of ${(0,format/* truncate */.xv)(s.name, 100)}${where}`, pre(probes)));
        }
        if (s.logTail.trim() !== '')
            blocks.push(outputBlock(s.name, s.logTail, s.logTruncated, where));
        tails.add(blocks.join(''));
    }
    if (tails.leftOut > 0) {
        parts.push(paragraph(`The logs of ${(0,format/* plural */.LS)(tails.leftOut, 'more failed service')} are left out here; the log and the JSON report have them.`));
    }
    return parts.join('');
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts



// Pictures for the job summary, as Mermaid blocks (GitHub renders them). Every label comes from
// untrusted text (instructions, smoke entry names) and goes through mermaidLabel().
/** Bars beyond this many are unreadable; the largest are kept, in Dockerfile order. */
const MAX_LAYER_BARS = 30;
/** Slices beyond this many are merged into one. */
const MAX_TIME_SLICES = 12;
/** A bar chart of the built image's layer sizes, in Dockerfile order; '' when there is nothing to draw. */
function layerChart(layers, imageName) {
    const numbered = layers.map((layer, i) => ({ ...layer, n: i + 1 })).filter(l => l.sizeBytes > 0);
    if (numbered.length === 0)
        return '';
    const kept = numbered.length <= MAX_LAYER_BARS
        ? numbered
        : [...numbered]
            .sort((a, b) => b.sizeBytes - a.sizeBytes)
            .slice(0, MAX_LAYER_BARS)
            .sort((a, b) => a.n - b.n);
    const largest = Math.max(...kept.map(l => l.sizeBytes));
    const { unit, divisor } = (0,format/* byteScale */.x5)(largest);
    // A base image imported from a tarball has no instruction.
    const labels = kept.map(l => `"${l.n} ${l.createdBy ? (0,report_escape/* mermaidLabel */._b)(l.createdBy, 24) : 'base'}"`);
    const values = kept.map(l => round(l.sizeBytes / divisor));
    const left = numbered.length - kept.length;
    const title = `Layer sizes of ${(0,report_escape/* mermaidLabel */._b)(imageName, 60)} (${unit})${left > 0 ? `, largest ${kept.length} of ${numbered.length}` : ''}`;
    return mermaid([
        'xychart-beta',
        `    title "${title}"`,
        `    x-axis [${labels.join(', ')}]`,
        `    y-axis "${unit}" 0 --> ${Math.max(...values) || 1}`,
        `    bar [${values.join(', ')}]`
    ].join('\n'));
}
/**
 * A Gantt chart of the stages (engine check, build, each smoke container, ...), each bar from its start to
 * its end: the stages run side by side, and the bars show where they overlap. '' when there is nothing to
 * draw. Timings without a start (an older report) are left out; beyond MAX_TIME_SLICES bars the longest
 * are kept, in start order.
 */
function timeChart(timings) {
    const bars = timings.filter((t) => t.ms > 0 && t.startMs !== undefined && t.startMs >= 0);
    if (bars.length === 0)
        return '';
    const kept = [...bars]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, MAX_TIME_SLICES)
        .sort((a, b) => a.startMs - b.startMs);
    const left = bars.length - kept.length;
    const lines = kept.map(t => `    ${(0,report_escape/* mermaidLabel */._b)(t.label, 40).replace(/:/g, '')} : ${Math.round(t.startMs)}, ${Math.round(t.startMs + t.ms)}`);
    return mermaid([
        'gantt',
        `    title Stages over time (they overlap)${left > 0 ? `, the longest ${kept.length} of ${bars.length}` : ''}`,
        '    dateFormat x',
        '    axisFormat %M:%S',
        '    section Run',
        ...lines
    ].join('\n'));
}
function round(n) {
    return Math.round(n * 100) / 100;
}
/** Bars of the wasted bytes each layer holds (dive's count), in layer order; '' when nothing is wasted. */
function wastedChart(layers, imageName) {
    const wasting = layers.filter(l => l.wastedBytes > 0);
    if (wasting.length === 0)
        return '';
    const kept = wasting.length <= MAX_LAYER_BARS
        ? wasting
        : [...wasting]
            .sort((a, b) => b.wastedBytes - a.wastedBytes)
            .slice(0, MAX_LAYER_BARS)
            .sort((a, b) => a.number - b.number);
    const { unit, divisor } = (0,format/* byteScale */.x5)(Math.max(...kept.map(l => l.wastedBytes)));
    const labels = kept.map(l => `"${l.number} ${l.createdBy ? (0,report_escape/* mermaidLabel */._b)(l.createdBy, 24) : 'base'}"`);
    const values = kept.map(l => round(l.wastedBytes / divisor));
    return mermaid([
        'xychart-beta',
        `    title "Wasted bytes per layer of ${(0,report_escape/* mermaidLabel */._b)(imageName, 60)} (${unit})"`,
        `    x-axis [${labels.join(', ')}]`,
        `    y-axis "${unit}" 0 --> ${Math.max(...values) || 1}`,
        `    bar [${values.join(', ')}]`
    ].join('\n'));
}

;// CONCATENATED MODULE: ./src/report/structure.ts
// The job summary's Structure tests and Efficiency sections. Test names, errors and paths come from the
// test files and the image: every one goes through cell() (escaped, one line, bounded).





/** Per file; beyond it rows are left out with a note (the JSON report and JUnit file have them). */
const STRUCTURE_ROWS_BUDGET = 60 * 1024;
/** One table per file: test, result, why. */
function renderStructure(run) {
    const structure = run.structure;
    if (!structure)
        return '';
    const parts = [heading('Structure tests', 3)];
    if (structure.files.length === 0) {
        parts.push(paragraph(structure.problems.map(p => (0,report_escape/* cell */.Hn)(p, 500)).join('<br>')));
        return parts.join('');
    }
    parts.push(paragraph(`Against ${(0,report_escape/* codeCell */.MZ)(structure.image, 150)}, in ${(0,format/* formatDuration */.a3)(structure.durationMs)}.`));
    for (const file of structure.files) {
        const failed = file.results.filter(r => !r.passed).length;
        parts.push(paragraph(`${file.passed ? '\u2705' : '\u274c'} <code>${(0,report_escape/* cell */.Hn)(file.file, 200)}</code>: ${(0,format/* plural */.LS)(file.results.length - failed, 'test')} passed, ${failed} failed`));
        const rows = file.results.map(r => tableRow([r.passed ? '\u2705' : '\u274c', (0,report_escape/* cell */.Hn)(r.name, 150), r.passed ? '' : (0,report_escape/* cell */.Hn)(r.errors.join(' · '), 600)]));
        const fitted = (0,report_budget/* fitRows */.zV)(rows, STRUCTURE_ROWS_BUDGET);
        parts.push(`${tableStart(['', 'Test', 'Why'])}${fitted.rows.join('')}</table>\n`);
        if (fitted.omitted > 0) {
            parts.push(paragraph(`${(0,format/* plural */.LS)(fitted.omitted, 'more test')} left out here; the JSON report has them.`));
        }
    }
    return parts.join('');
}
/** The score, wasted bytes, a chart of wasted bytes per layer and the largest wasted paths. */
function renderEfficiency(run) {
    const e = run.efficiency;
    if (!e)
        return '';
    const parts = [heading('Efficiency', 3)];
    if (e.efficiency === undefined) {
        parts.push(paragraph(e.problems.map(p => (0,report_escape/* cell */.Hn)(p, 500)).join('<br>')));
        return parts.join('');
    }
    parts.push(paragraph(`${e.status === 'passed' ? '\u2705' : '\u274c'} ${(0,report_escape/* codeCell */.MZ)(e.image, 150)}: ${(0,format/* formatPercent */.l9)(e.efficiency)} efficient (dive's score), ${(0,format/* formatBytes */.z3)(e.wastedBytes)} wasted of ${(0,format/* formatBytes */.z3)(e.sizeBytes)}.`));
    parts.push(wastedChart(e.layers, e.image));
    if (e.largest.length > 0) {
        const rows = e.largest.map(p => tableRow([
            `<code>${(0,report_escape/* cell */.Hn)(p.path, 200)}</code>`,
            (0,format/* formatBytes */.z3)(p.wastedBytes),
            (0,report_escape/* cell */.Hn)(p.layers
                .map(l => {
                const layer = e.layers[l.number - 1];
                const where = layer?.line !== undefined ? ` line ${layer.line}:` : '';
                const what = layer?.createdBy ? `${where} ${layer.createdBy}` : '';
                return `${l.number}${l.removed ? ' (removed)' : ''}${what}`;
            })
                .join(' · '), 400)
        ]));
        parts.push(`${tableStart(['Wasted path', 'Bytes', 'Layers that wrote it'])}${rows.join('')}</table>\n`);
    }
    return parts.join('');
}

;// CONCATENATED MODULE: ./src/report/summary.ts










/** Tables longer than this are folded in <details>. */
const FOLD_ROWS = 10;
/** The build failure's last lines, as the issue asks. */
const BUILD_TAIL_LINES = 30;
const MAX_FAILURES = 50;
const MAX_TAGS_SHOWN = 5;
const SMOKE_ROWS_BUDGET = 120 * 1024;
const LEFTOVER_ROWS_BUDGET = 40 * 1024;
/**
 * The whole job summary for one run, as HTML/Markdown ready for core.summary.addRaw(). Sections: a
 * one-line verdict, Engine, Build, Smoke, Compose, Time, Images, Containers, Drift, Leftovers. Every untrusted value
 * one-line verdict, Engine, Build, Smoke, Structure tests, Efficiency, Time, Images, Containers, Drift, Leftovers. Every untrusted value
 * is escaped (src/report/escape.ts); the result stays under SUMMARY_BUDGET_BYTES (see budget.ts).
 */
function renderSummary(run) {
    const sections = [
        { title: '', html: renderVerdict(run) },
        { title: 'Engine', html: renderEngine(run) },
        { title: 'Build', html: renderBuild(run) },
        { title: 'Smoke', html: renderSmoke(run) },
        { title: 'Compose', html: renderCompose(run.compose) },
        { title: 'Structure tests', html: renderStructure(run) },
        { title: 'Efficiency', html: renderEfficiency(run) },
        { title: 'Push', html: renderPush(run) },
        { title: 'Time', html: renderTime(run) },
        { title: 'Inventory', html: '' },
        { title: 'Drift', html: renderDrift(run) },
        { title: 'Left by earlier runs', html: renderLeftovers(run) }
    ];
    for (const section of sections)
        section.bytes = (0,report_budget/* byteLength */.dp)(section.html);
    // Every part is bounded, but together they can still be too much (hundreds of hostile failures, a
    // 100-layer image with long instructions): then the largest part gives way, with a note, until they fit.
    const fixedBudget = report_budget/* SUMMARY_BUDGET_BYTES */.Xb - 64 * 1024;
    let used = sections.reduce((sum, section) => sum + section.bytes, 0);
    while (used > fixedBudget) {
        const largest = sections.slice(1).reduce((a, b) => (b.bytes > a.bytes ? b : a));
        largest.html = `${heading(largest.title, 3)}${paragraph('Too large for the job summary; the JSON report has it.')}`;
        used -= largest.bytes - (0,report_budget/* byteLength */.dp)(largest.html);
        largest.bytes = (0,report_budget/* byteLength */.dp)(largest.html);
    }
    // Headings, notes and <details> wrappers of the two tables fit in the reserve.
    sections.find(section => section.title === 'Inventory').html = renderInventory(run, Math.max(0, report_budget/* SUMMARY_BUDGET_BYTES */.Xb - used - 8 * 1024));
    return sections
        .map(section => section.html)
        .filter(Boolean)
        .join('\n');
}
function renderVerdict(run) {
    const passed = run.failures.length === 0;
    const facts = [];
    if (run.engine)
        facts.push(`engine ${(0,report_escape/* escapeMarkdown */.FV)(run.engine.facts.serverVersion)}`);
    const build = run.build;
    if (build?.status === 'built') {
        const name = build.tags[0] ?? build.imageId ?? 'image';
        facts.push(`built <code>${(0,report_escape/* cell */.Hn)(name, 80)}</code> (${(0,format/* formatBytes */.z3)((0,image_size/* builtImageSize */.rh)(build, run.inventory))})`);
    }
    else if (build?.status === 'failed')
        facts.push('build failed');
    if (run.smoke && run.smoke.results.length > 0) {
        const ok = run.smoke.results.filter(r => r.passed).length;
        facts.push(`${ok} of ${(0,format/* plural */.LS)(run.smoke.results.length, 'smoke container')} passed`);
    }
    if (run.compose && run.compose.services.length > 0) {
        const ok = run.compose.services.filter(s => s.passed).length;
        facts.push(`${ok} of ${(0,format/* plural */.LS)(run.compose.services.length, 'Compose service')} passed`);
    }
    const mark = passed ? '\u2705' : '\u274c';
    const outcome = passed
        ? `docker-preflight passed in ${(0,format/* formatDuration */.a3)(run.durationMs)}`
        : `docker-preflight failed: ${(0,format/* plural */.LS)(run.failures.length, 'problem')}`;
    const line = `<h2>${mark} ${outcome}${facts.length ? ` · ${facts.join(' · ')}` : ''}</h2>\n`;
    if (passed)
        return line;
    const shown = run.failures.slice(0, MAX_FAILURES).map(f => `<li>${(0,report_escape/* cell */.Hn)(f, 1000)}</li>`);
    const more = run.failures.length > MAX_FAILURES ? `<li>and ${run.failures.length - MAX_FAILURES} more</li>` : '';
    return `${line}<ul>${shown.join('')}${more}</ul>\n`;
}
/**
 * The endpoint and what chose it, with code spans where the description has them:
 * <code>tcp://127.0.0.1:23760 (TLS)</code>, from context <code>ci-tls</code> (DOCKER_CONTEXT)
 */
function endpointCell(run, endpoint) {
    const source = run.endpointSource;
    if (!source)
        return (0,report_escape/* codeCell */.MZ)(endpoint);
    const description = (0,format/* truncate */.xv)(source.description, 300)
        .split('`')
        .map((part, i) => (i % 2 === 1 ? `<code>${(0,report_escape/* escapeMarkdown */.FV)(part)}</code>` : (0,report_escape/* escapeMarkdown */.FV)(part)))
        .join('');
    const joiner = source.kind === 'default' || source.kind === 'rootless' ? ', ' : ', from ';
    return `${(0,report_escape/* codeCell */.MZ)(endpoint)}${joiner}${description}`;
}
function renderEngine(run) {
    const engine = run.engine;
    if (!engine)
        return `${heading('Engine', 3)}${paragraph(`Not reached: ${endpointCell(run, run.endpoint)}`)}`;
    const { facts } = engine;
    const info = facts.info;
    const str = (value) => (0,report_escape/* cell */.Hn)(value === undefined || value === null ? '' : String(value), 300);
    const list = (value) => Array.isArray(value) && value.length > 0
        ? value
            .slice(0, 30)
            .map(v => (0,report_escape/* codeCell */.MZ)(String(v)))
            .join('<br>')
        : 'none';
    const rows = [
        ['Endpoint', endpointCell(run, facts.endpoint)],
        [
            'Server version',
            `${str(facts.serverVersion)} (API ${str(facts.apiVersion)}${facts.minApiVersion ? `, min ${str(facts.minApiVersion)}` : ''})`
        ],
        ...(facts.podmanVersion
            ? [['Podman', `${str(facts.podmanVersion)} (Docker-compatible API)`]]
            : []),
        ['Client (docker CLI)', facts.clientVersion ? str(facts.clientVersion) : 'no docker CLI on PATH'],
        ['OS / arch', `${str(info.OperatingSystem)} (${str(facts.os)}/${str(facts.arch)})`],
        ['Kernel', str(facts.kernelVersion)],
        ['Storage', str((0,image_store/* storageText */.xC)(info))],
        ['Cgroup', `${str(info.CgroupDriver)}, v${str(info.CgroupVersion ?? '?')}`],
        ['Default runtime', str(info.DefaultRuntime)],
        ['Security options', list(info.SecurityOptions)],
        ['CPUs / memory', `${str(info.NCPU)} / ${(0,format/* formatBytes */.z3)(Number(info.MemTotal ?? 0))}`]
    ];
    const body = table(['Fact', 'Value'], rows.map(([k, v]) => [(0,report_escape/* escapeHtml */.ZD)(k), v]));
    const conditions = engine.conditions.length === 0
        ? ''
        : table(['require-info', 'Engine has', 'Result'], engine.conditions.map(o => [
            (0,report_escape/* codeCell */.MZ)(o.condition.source),
            (0,report_escape/* cell */.Hn)(o.actual, 300),
            o.passed ? '\u2705' : '\u274c'
        ]));
    const warnings = Array.isArray(info.Warnings) ? info.Warnings.map(String) : [];
    const warningBlock = warnings.length === 0
        ? paragraph('Daemon warnings: none')
        : `${paragraph(`Daemon warnings (${warnings.length}):`)}${pre(warnings
            .slice(0, 50)
            .map(w => (0,format/* oneLine */.TN)(w, 1000))
            .join('\n'))}`;
    return `${heading('Engine', 3)}${body}${conditions}${warningBlock}`;
}
function builtImage(run) {
    return run.inventory?.images.find(i => i.built);
}
function renderBuild(run) {
    const build = run.build;
    if (!build)
        return '';
    const title = heading('Build', 3);
    if (build.status === 'skipped')
        return `${title}${paragraph(`Skipped: ${(0,report_escape/* cell */.Hn)(build.skippedReason ?? '', 500)}`)}`;
    if (build.status === 'failed') {
        const failure = build.failure;
        const where = failure?.instruction
            ? ` at ${(0,report_escape/* codeCell */.MZ)(failure.instruction, 300)}${failure.line ? ` (${(0,report_escape/* cell */.Hn)(failure.file)} line ${failure.line})` : ''}`
            : '';
        const message = paragraph(`\u274c Failed after ${(0,format/* formatDuration */.a3)(build.durationMs)}${where}: ${(0,report_escape/* cell */.Hn)(failure?.message ?? 'unknown error', 2000)}`);
        const lines = (failure?.tail ?? []).slice(-BUILD_TAIL_LINES).map(l => (0,format/* truncate */.xv)(l, 500));
        const tail = lines.length
            ? `${paragraph(`Last ${(0,format/* plural */.LS)(lines.length, 'line')} of the build:`)}${pre(lines.join('\n'))}`
            : '';
        return `${title}${message}${tail}`;
    }
    const image = builtImage(run);
    const cached = build.steps.filter(s => s.cached).length;
    const layers = image?.layers;
    const tags = build.tags.length
        ? build.tags
            .slice(0, 20)
            .map(t => (0,report_escape/* codeCell */.MZ)(t))
            .join(' ')
        : 'none';
    const rows = [
        ['Tags', tags],
        ['Image ID', (0,report_escape/* codeCell */.MZ)(image?.shortId ?? (build.imageId ?? '').replace(/^sha256:/, '').slice(0, 12))],
        ['Size', (0,format/* formatBytes */.z3)((0,image_size/* builtImageSize */.rh)(build, run.inventory))],
        ['Layers', String(build.layers ?? layers?.filter(l => l.sizeBytes > 0).length ?? '?')],
        ['Duration', (0,format/* formatDuration */.a3)(build.durationMs)],
        ['Builder', build.builder === 'buildkit' ? 'BuildKit' : build.builder === 'classic' ? 'classic' : '?'],
        ['Cached steps', build.steps.length ? `${cached} of ${build.steps.length}` : 'none reported']
    ];
    if (build.context) {
        rows.push([
            'Context',
            `${(0,format/* plural */.LS)(build.context.files, 'file')}, ${(0,format/* formatBytes */.z3)(build.context.bytes)}, ${build.context.ignored} ignored`
        ]);
    }
    const facts = table(['Build', 'Value'], rows.map(([k, v]) => [(0,report_escape/* escapeHtml */.ZD)(k), v]));
    const labelEntries = Object.entries(image?.labels ?? {});
    const labels = labelEntries.length === 0
        ? ''
        : details(`Labels (${labelEntries.length})`, table(['Label', 'Value'], labelEntries.slice(0, 50).map(([k, v]) => [(0,report_escape/* codeCell */.MZ)(k), (0,report_escape/* cell */.Hn)(v, 300)])));
    const layerPart = layers?.length
        ? `${layerChart(layers, build.tags[0] ?? image?.shortId ?? 'image')}${details(`Layers (${layers.length}, Dockerfile order)`, table(['#', 'Size', 'Instruction'], layers
            .slice(0, 200)
            .map((l, i) => [String(i + 1), (0,format/* formatBytes */.z3)(l.sizeBytes), (0,report_escape/* codeCell */.MZ)(l.createdBy, 300)])))}`
        : '';
    return `${title}${facts}${labels}${layerPart}`;
}
function renderSmoke(run) {
    const title = heading('Smoke', 3);
    if (!run.smoke)
        return run.build?.status === 'failed' ? `${title}${paragraph('Skipped: the build failed.')}` : '';
    const results = run.smoke.results;
    if (results.length === 0)
        return `${title}${paragraph('No smoke containers ran.')}`;
    const rows = results.map(r => tableRow([
        r.passed ? '\u2705' : '\u274c',
        (0,report_escape/* cell */.Hn)(r.name, 100),
        (0,report_escape/* codeCell */.MZ)(r.image, 150),
        r.exitCode === undefined ? '\u2013' : String(r.exitCode),
        (0,format/* formatDuration */.a3)(r.durationMs),
        (0,report_escape/* cell */.Hn)(r.reason, 500)
    ]));
    const fitted = (0,report_budget/* fitRows */.zV)(rows, SMOKE_ROWS_BUDGET);
    const smokeTable = `${tableStart(['', 'Container', 'Image', 'Exit', 'Time', 'Why'])}${fitted.rows.join('')}</table>\n`;
    const parts = [title, smokeTable, omittedNote(fitted, 'smoke container')];
    const tails = new TailsBudget(parts);
    for (const r of results.filter(r => !r.passed)) {
        if (r.outputTail.trim() === '')
            parts.push(paragraph(`${(0,report_escape/* cell */.Hn)(r.name, 100)} wrote no output.`));
        else
            tails.add(outputBlock(r.name, r.outputTail, r.outputTruncated));
    }
    if (tails.leftOut > 0) {
        parts.push(paragraph(`The output of ${(0,format/* plural */.LS)(tails.leftOut, 'more failed container')} is left out here; the log and the JSON report have it.`));
    }
    return parts.join('');
}
/** Each pushed tag as `name@sha256:\u2026` ready to copy, or why nothing was pushed. */
function renderPush(run) {
    const push = run.push;
    if (!push)
        return '';
    const title = heading('Push', 3);
    if (push.status === 'not-pushed')
        return `${title}${paragraph(`Not pushed: ${(0,report_escape/* cell */.Hn)(push.reason ?? '', 1000)}`)}`;
    const rows = push.pushed.map(p => tableRow([
        (0,report_escape/* codeCell */.MZ)(p.tag, 200),
        (0,report_escape/* codeCell */.MZ)(p.pinned, 300),
        (0,report_escape/* escapeHtml */.ZD)(`${p.layers.pushed} pushed, ${p.layers.existed} already there${p.layers.mounted ? `, ${p.layers.mounted} mounted` : ''}${p.attempts > 1 ? ` (${(0,format/* plural */.LS)(p.attempts, 'attempt')})` : ''}`)
    ]));
    const pushedTable = rows.length > 0 ? `${tableStart(['Tag', 'Pinned reference', 'Layers'])}${rows.join('')}</table>\n` : '';
    const failed = push.status === 'failed'
        ? paragraph(`${rows.length > 0 ? 'Then the push failed' : 'Push failed'}: ${(0,report_escape/* cell */.Hn)(push.problems.join(' '), 1000)}`)
        : '';
    return `${title}${pushedTable}${failed}`;
}
function renderTime(run) {
    const chart = timeChart(run.timings);
    if (!chart)
        return '';
    return `${heading('Time', 3)}${paragraph(`The whole run took ${(0,format/* formatDuration */.a3)(run.durationMs)}; the engine check, the build and the smoke containers overlap.`)}${chart}`;
}
/** Images and Containers, sharing `budget` bytes of table rows. */
function renderInventory(run, budget) {
    const inventory = run.inventory;
    if (!inventory)
        return '';
    const imageRows = inventory.images.map(imageRow);
    const containerRows = inventory.containers.map(containerRow);
    const [images, containers] = (0,report_budget/* shareBudget */.FY)(imageRows, containerRows, budget);
    const scopeNote = inventory.scope === 'all' ? 'Everything on the engine' : 'What this run built, used and ran';
    const errors = inventory.errors.length
        ? paragraph(`\u26a0\ufe0f ${inventory.errors.map(e => (0,report_escape/* cell */.Hn)(e, 500)).join('<br>')}`)
        : '';
    const totalSize = inventory.images.reduce((sum, i) => sum + i.sizeBytes, 0);
    const imagesTable = `${tableStart(['Repository:tag', 'ID', 'Size', 'Created'])}${images.rows.join('')}</table>\n`;
    const imagesPart = inventory.images.length === 0
        ? paragraph('None.')
        : fold(`${(0,format/* plural */.LS)(inventory.images.length, 'image')}, ${(0,format/* formatBytes */.z3)(totalSize)} (sizes include shared layers)`, imagesTable, inventory.images.length) + omittedNote(images, 'image');
    const containersTable = `${tableStart(['Name', 'Image', 'Command', 'State', 'Status', 'Exit', 'Created', 'Ports'])}${containers.rows.join('')}</table>\n`;
    const containersPart = inventory.containers.length === 0
        ? paragraph('None.')
        : fold((0,format/* plural */.LS)(inventory.containers.length, 'container'), containersTable, inventory.containers.length) +
            omittedNote(containers, 'container');
    return [
        `${heading('Images', 3)}${paragraph(`${(0,report_escape/* escapeHtml */.ZD)(scopeNote)}.`)}${errors}${imagesPart}`,
        `${heading('Containers', 3)}${containersPart}`
    ].join('\n');
}
function fold(label, html, rows) {
    return rows > FOLD_ROWS ? details(label, html) : html;
}
function omittedNote(fitted, noun) {
    if (fitted.omitted === 0)
        return '';
    return paragraph(`${(0,format/* plural */.LS)(fitted.omitted, `more ${noun}`)} left out to keep the summary under GitHub\u2019s 1 MiB limit; the JSON report has them all.`);
}
function imageRow(image) {
    const tags = image.tags.length === 0 ? ['<none>'] : image.tags;
    const shown = tags
        .slice(0, MAX_TAGS_SHOWN)
        .map(t => (0,report_escape/* codeCell */.MZ)(t, 150))
        .join('<br>');
    const more = tags.length > MAX_TAGS_SHOWN ? `<br>+${tags.length - MAX_TAGS_SHOWN} more` : '';
    return tableRow([
        `${image.built ? '\ud83d\udd28 ' : ''}${shown}${more}`,
        `<code>${(0,report_escape/* escapeHtml */.ZD)(image.shortId)}</code>`,
        (0,format/* formatBytes */.z3)(image.sizeBytes),
        (0,report_escape/* escapeHtml */.ZD)((0,format/* formatDate */.Yq)(image.created))
    ]);
}
function containerRow(c) {
    const ports = c.ports.slice(0, 5).map(p => (0,report_escape/* cell */.Hn)(p, 60));
    if (c.ports.length > 5)
        ports.push(`+${c.ports.length - 5} more`);
    return tableRow([
        (0,report_escape/* cell */.Hn)(c.name, 100),
        (0,report_escape/* codeCell */.MZ)(c.image, 120),
        (0,report_escape/* codeCell */.MZ)(c.command, 120),
        c.removed ? `${(0,report_escape/* cell */.Hn)(c.state, 30)} \ud83e\uddf9` : (0,report_escape/* cell */.Hn)(c.state, 30),
        (0,report_escape/* cell */.Hn)(c.status, 80),
        c.exitCode === undefined ? '\u2013' : String(c.exitCode),
        (0,report_escape/* escapeHtml */.ZD)((0,format/* formatDate */.Yq)(c.created)),
        ports.join('<br>')
    ]);
}
function renderDrift(run) {
    const drift = run.drift;
    if (!drift)
        return '';
    const title = heading('Drift', 3);
    const baseline = drift.baseline ? ` (baseline ${(0,report_escape/* codeCell */.MZ)(drift.baseline, 200)})` : '';
    if (drift.status !== 'compared') {
        return `${title}${paragraph(`\u26a0\ufe0f ${(0,report_escape/* cell */.Hn)(drift.message ?? `The baseline is ${drift.status}`, 1000)}`)}`;
    }
    const notes = (drift.notes ?? [])
        .slice(0, 20)
        .map(n => paragraph(`\u2139\ufe0f ${(0,report_escape/* cell */.Hn)(n, 1000)}`))
        .join('');
    if (drift.items.length === 0) {
        const compared = drift.comparedFields ? `, ${(0,format/* plural */.LS)(drift.comparedFields.length, 'field')} compared` : '';
        return `${title}${paragraph(`No drift from the baseline${baseline}${compared}.`)}${notes}`;
    }
    const failing = new Set(drift.failing.map(d => d.field));
    const rows = drift.items
        .slice(0, 100)
        .map(item => [
        `${failing.has(item.field) ? '\u274c ' : ''}${(0,report_escape/* codeCell */.MZ)(item.field, 60)}${item.security ? ' \ud83d\udd12' : ''}`,
        (0,report_escape/* cell */.Hn)(item.was, 300),
        (0,report_escape/* cell */.Hn)(item.now, 300)
    ]);
    const more = drift.items.length > 100 ? paragraph(`and ${drift.items.length - 100} more`) : '';
    return `${title}${paragraph(`${(0,format/* plural */.LS)(drift.items.length, 'field')} changed since the baseline${baseline}; \u274c fails the step, \ud83d\udd12 security.`)}${table(['Field', 'Was', 'Now'], rows)}${more}${notes}`;
}
function renderLeftovers(run) {
    const leftovers = run.leftovers;
    if (!leftovers || (leftovers.containers.length === 0 && leftovers.images.length === 0 && !leftovers.error))
        return '';
    const parts = [heading('Left by earlier runs', 3)];
    if (leftovers.error)
        parts.push(paragraph(`\u26a0\ufe0f ${(0,report_escape/* cell */.Hn)(leftovers.error, 500)}`));
    if (leftovers.containers.length > 0) {
        const rows = leftovers.containers.map(c => tableRow([
            (0,report_escape/* cell */.Hn)(c.name, 100),
            (0,report_escape/* codeCell */.MZ)(c.image, 120),
            (0,report_escape/* cell */.Hn)(c.state, 30),
            (0,report_escape/* codeCell */.MZ)(c.runId, 80),
            (0,report_escape/* cell */.Hn)(c.role ?? '', 20),
            (0,format/* formatAge */.nV)(c.ageMs)
        ]));
        const fitted = (0,report_budget/* fitRows */.zV)(rows, LEFTOVER_ROWS_BUDGET);
        parts.push(fold((0,format/* plural */.LS)(leftovers.containers.length, 'container'), `${tableStart(['Container', 'Image', 'State', 'Run', 'Role', 'Age'])}${fitted.rows.join('')}</table>\n`, rows.length), omittedNote(fitted, 'container'));
    }
    if (leftovers.images.length > 0) {
        const rows = leftovers.images.map(i => tableRow([
            i.tags.length
                ? i.tags
                    .slice(0, 3)
                    .map(t => (0,report_escape/* codeCell */.MZ)(t, 150))
                    .join('<br>')
                : '&lt;none&gt;',
            `<code>${(0,report_escape/* escapeHtml */.ZD)(i.shortId)}</code>`,
            (0,format/* formatBytes */.z3)(i.sizeBytes),
            (0,report_escape/* codeCell */.MZ)(i.runId, 80),
            (0,format/* formatAge */.nV)(i.ageMs)
        ]));
        const fitted = (0,report_budget/* fitRows */.zV)(rows, LEFTOVER_ROWS_BUDGET);
        parts.push(fold((0,format/* plural */.LS)(leftovers.images.length, 'image'), `${tableStart(['Image', 'ID', 'Size', 'Run', 'Age'])}${fitted.rows.join('')}</table>\n`, rows.length), omittedNote(fitted, 'image'));
    }
    return parts.join('');
}

// EXTERNAL MODULE: ./src/runtime/cancel.ts
var cancel = __webpack_require__(3952);
// EXTERNAL MODULE: ./src/runtime/environment.ts
var environment = __webpack_require__(329);
// EXTERNAL MODULE: ./src/log/untrusted.ts
var untrusted = __webpack_require__(1168);
;// CONCATENATED MODULE: ./src/runtime/github-log.ts


/**
 * Could the runner read any line of this as a workflow command? It obeys `::cmd::` at the start of a line
 * (after leading white space) and `##[cmd]` anywhere in one, and splits lines on `\r` as well as `\n`
 * (see __tests__/helpers/runner-commands.ts for the runner source this follows). This errs on the side
 * of yes: `::` anywhere, and invisible format or control characters are ignored first, because the
 * runner's .NET string searches are culture-sensitive and may skip such characters (a soft hyphen
 * between the two colons, say).
 */
function mightBeCommand(text) {
    if (text.includes('\r'))
        return true;
    // eslint-disable-next-line no-control-regex
    const visible = text.replace(/[\p{Cf}\x00-\x09\x0b-\x1f\x7f-\x9f]/gu, '');
    return visible.includes('::') || visible.includes('##[');
}
/**
 * The Log for a GitHub Actions job. Untrusted text that could act as a workflow command is written
 * between `::stop-commands::TOKEN` and `::TOKEN::`, one write at a time: each write is a whole number of
 * lines, so nothing else (another container's output, our own `::error::` annotations, group markers) is
 * ever written while commands are suspended. Text that cannot act as a command is written as it is, so
 * the log is not cluttered with guard lines.
 */
class GitHubLog {
    write;
    core;
    constructor(write = text => process.stdout.write(text), core = actions_core_namespaceObject) {
        this.write = write;
        this.core = core;
    }
    info(message) {
        // Our own lines can carry engine-provided values; guard them when they could act as commands.
        if (mightBeCommand(message))
            this.guarded(message);
        else
            this.core.info(message);
    }
    warning(message, target) {
        this.core.warning(message, target); // core escapes the message data and properties of annotation commands
    }
    error(message, target) {
        this.core.error(message, target);
    }
    group(title, fn) {
        return this.core.group(title, fn); // core escapes the title: a newline in it cannot start a new line
    }
    untrusted(title) {
        this.core.startGroup(title);
        let closed = false;
        return {
            write: (text) => {
                if (!closed && text !== '')
                    this.guarded(text);
            },
            close: () => {
                if (closed)
                    return;
                closed = true;
                this.core.endGroup();
            }
        };
    }
    progress(message) {
        this.info(message);
    }
    debug(message) {
        if (mightBeCommand(message)) {
            if (this.core.isDebug())
                this.guarded(message);
        }
        else
            this.core.debug(message);
    }
    /** Writes the text as whole lines; guarded, in a single write, when any line could be a command. */
    guarded(text) {
        const lines = (0,untrusted/* normalizeLines */.tZ)((0,untrusted/* stripAnsi */.aJ)(text));
        if (mightBeCommand(lines))
            this.write(new untrusted/* CommandGuard */.LI().wrap(lines));
        else
            this.write(`${lines}\n`);
    }
}

// EXTERNAL MODULE: ./src/runtime/state.ts
var state = __webpack_require__(6673);
;// CONCATENATED MODULE: ./src/runtime/github.ts


















// The GitHub Actions edge: the only module (with github-log.ts) that reads inputs, writes outputs, state
// and the job summary through @actions/core. Everything it calls is plain functions over data.
/** After SIGINT, how long the stages get to wind down before main stops waiting for them. */
const CANCEL_GRACE_MS = 2_000;
/** After SIGINT, how long the engine has to show it is there before cleanup is attempted. */
const CANCEL_PING_MS = 1_000;
/** After SIGINT, how long removing what the run created may take (the runner sends SIGTERM at 7.5 s). */
const CANCEL_CLEANUP_MS = 4_000;
/** The post step's whole budget: an engine that stopped answering must not hold the job for hours. */
const POST_CLEANUP_MS = 20_000;
/** How long main's last look for what the run left (3 listings) may take before post is left to do it. */
const LEFT_CHECK_MS = 2_000;
/** Once main or post is done, whatever still holds the event loop (a stuck socket) gets this long. */
const EXIT_GRACE_MS = 1_000;
/**
 * main and post share dist/index.js; saved state tells them apart, as actions/cache does.
 *
 * Exit status is guarded three ways, because a step that goes green without having run is worse than a
 * red one: the exit code is 1 until main completes; if the event loop drains while main still awaits
 * (a request whose daemon died without a word could leave a promise that never settles, and node would otherwise
 * just exit), the step fails with a message saying so; and once main is done, an unref'd timer ends the
 * process even if a stuck socket would keep it alive.
 */
async function runAction(options = {}) {
    const core = options.core ?? actions_core_namespaceObject;
    let done = false;
    const onDrain = () => {
        if (done)
            return;
        // Any open connection keeps node's event loop alive, so a loop that drains while main still awaits
        // means a reply was cut off and the request lost its socket without settling (docker-modem, still
        // used for ssh://, does not report a response that ends early; transport.ts does).
        core.setFailed('docker-preflight stopped before the run completed: a reply from the Docker engine was cut off ' +
            'and never finished (did the engine stop or restart?)');
        process.exit(1);
    };
    const onCrash = (error) => {
        fail(core, error);
        process.exit(1);
    };
    process.on('beforeExit', onDrain);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    process.exitCode = 1;
    try {
        if (core.getState(state/* STATE_PHASE */.m5) === 'main')
            await post(core);
        else
            await main(core, options.earlyPing);
    }
    finally {
        done = true;
        process.off('beforeExit', onDrain);
        setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
    }
}
function readRawInputs(core) {
    const raw = {};
    for (const input of definitions/* INPUTS */.mc) {
        if (input.cliOnly)
            continue;
        // The runner sets INPUT_<NAME> from action.yml defaults; a missing variable means the default.
        const envName = `INPUT_${input.name.replace(/ /g, '_').toUpperCase()}`;
        if (process.env[envName] !== undefined)
            raw[input.name] = core.getInput(input.name);
    }
    return raw;
}
async function main(core, earlyPing) {
    const env = (0,environment/* readEnvironment */.Q)(process.env);
    // Read before this step writes its own 'false' (state.ts NOTHING_LEFT_ENV): only if every earlier
    // docker-preflight step of the job left nothing may this one let the runner skip the post steps.
    // A step that could not write its 'false' never writes 'true' either.
    const earlierLeftNothing = [undefined, 'true'].includes(process.env[state/* NOTHING_LEFT_ENV */.CL]);
    const mayTellNothingLeft = tellRunnerNothingLeft(core, false) && earlierLeftNothing;
    core.saveState(state/* STATE_PHASE */.m5, 'main');
    core.saveState(state/* STATE_RUN_ID */.EX, env.runId);
    const log = new GitHubLog(undefined, core);
    let signalName;
    const cancellation = (0,cancel/* onTermination */.o)(name => {
        signalName = name;
        log.warning(`Received ${name}: cancelling the run and removing what it created.`);
    });
    const { signal } = cancellation;
    let config;
    try {
        config = await (0,parse/* parseInputsOrThrow */.Ir)(readRawInputs(core), env, {
            mask: value => core.setSecret(value),
            processEnv: process.env
        });
        const saved = {
            cleanupImages: config.cleanupImages,
            dockerHost: config.engine.dockerHost,
            context: (0,endpoint/* contextInUse */.W5)(config.engine.dockerHost, process.env),
            summary: config.report.summary
        };
        core.saveState(state/* STATE_CONFIG */.lG, JSON.stringify(saved));
        // The post step loads the whole bundle only when there is something to remove (it runs in every job,
        // after every run): main looks once, as soon as the stages are done with containers, networks and
        // volumes (beside the inventory and the report), and says so in the state. With `cleanup-images`
        // there always is something.
        const { dockerHost } = config.engine;
        let checkingLeft;
        const lookForLeft = () => {
            checkingLeft ??= (0,cleanup/* nothingLeftAt */.cM)({
                dockerHost,
                processEnv: process.env,
                runId: env.runId,
                timeoutMs: LEFT_CHECK_MS
            });
        };
        const run = await settledOrCancelled((0,pipeline/* runPipeline */.a)(config, env, {
            log,
            earlyPing,
            signal,
            processEnv: process.env,
            ...(config.cleanupImages ? {} : { onStagesDone: lookForLeft })
        }), signal, CANCEL_GRACE_MS);
        // A run cut short is never reported as passed, whatever the stages made of the abort.
        if (signal.aborted)
            throw new errors/* CancelledError */.cc();
        await publish(core, run, config, env);
        if (checkingLeft && (await checkingLeft) && !signal.aborted) {
            core.saveState(state/* STATE_LEFT */.C$, state/* LEFT_NOTHING */.AQ);
            if (mayTellNothingLeft && tellRunnerNothingLeft(core, true))
                log.info(`${state/* NOTHING_LEFT_LINE */.ZW} The post step has nothing to do: the runner skips it.`);
        }
        if (run.failures.length > 0) {
            core.setFailed(run.failures.length === 1
                ? run.failures[0]
                : `${run.failures.length} problems:\n- ${run.failures.join('\n- ')}`);
        }
        else {
            process.exitCode = 0;
        }
    }
    catch (error) {
        if (signal.aborted)
            core.setFailed(`The run was cancelled (${signalName ?? 'signal'}).`);
        else
            fail(core, error);
    }
    finally {
        if (signal.aborted && config) {
            await removeAfterCancel(config.engine.dockerHost, env.runId, config.cleanupImages, log);
        }
        cancellation.dispose();
    }
}
/**
 * The pipeline's result; once the signal fires, the stages get `graceMs` to wind down and then main
 * stops waiting (a stage stuck on an unresponsive engine must not eat the seconds cleanup needs).
 */
function settledOrCancelled(work, signal, graceMs) {
    return new Promise((resolve, reject) => {
        let timer;
        const onAbort = () => {
            timer = setTimeout(() => reject(new errors/* CancelledError */.cc()), graceMs);
        };
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => {
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
        });
    });
}
/**
 * Sets NOTHING_LEFT_ENV for action.yml's post-if (state.ts says how it is kept right across several
 * steps). Only under a runner that reads GITHUB_ENV: elsewhere the post step is not skipped. True if written.
 */
function tellRunnerNothingLeft(core, nothingLeft) {
    if (!process.env.GITHUB_ENV)
        return false;
    try {
        core.exportVariable(state/* NOTHING_LEFT_ENV */.CL, String(nothingLeft));
        return true;
    }
    catch {
        // A GITHUB_ENV that cannot be written only costs the skip: the runner then starts the post step.
        return false;
    }
}
async function removeAfterCancel(dockerHost, runId, removeImages, log) {
    const result = await (0,cleanup/* cleanupAt */.C5)({
        dockerHost,
        processEnv: process.env,
        runId,
        removeImages,
        log,
        timeoutMs: CANCEL_CLEANUP_MS,
        pingTimeoutMs: CANCEL_PING_MS
    });
    reportCleanup(result, log);
}
async function publish(core, run, config, env) {
    const report = (0,json/* buildReport */.FK)(run, env);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(config.report.path), { recursive: true });
    (0,external_node_fs_.writeFileSync)(config.report.path, `${JSON.stringify(report, null, 2)}\n`);
    for (const [name, value] of Object.entries(stepOutputs(run, config.report.path)))
        core.setOutput(name, value);
    if (config.report.summary && process.env.GITHUB_STEP_SUMMARY) {
        await core.summary
            .addRaw(renderSummary(run))
            .write()
            .catch(error => core.warning(`Could not write the job summary: ${(0,errors/* messageOf */.bD)(error)}`));
    }
}
function readSavedConfig(core) {
    try {
        const saved = JSON.parse(core.getState(state/* STATE_CONFIG */.lG) || '{}');
        return {
            cleanupImages: saved.cleanupImages === true,
            // Main saves nothing when its inputs were invalid; the post step gets the same inputs.
            dockerHost: typeof saved.dockerHost === 'string' ? saved.dockerHost : core.getInput('docker-host') || undefined,
            context: typeof saved.context === 'string' && saved.context ? saved.context : undefined,
            summary: saved.summary !== false
        };
    }
    catch {
        return { cleanupImages: false, dockerHost: core.getInput('docker-host') || undefined, summary: true };
    }
}
/**
 * The post step runs after main, even when main failed or was cancelled. It removes every container
 * labelled with the run (with anonymous volumes; `cleanup: false` only keeps them for the job's later
 * steps) and, with `cleanup-images`, the images the run built. A failure here is a warning: main has
 * already judged the run, and a warning says what may be left behind.
 */
async function post(core) {
    process.exitCode = 0;
    const runId = core.getState(state/* STATE_RUN_ID */.EX);
    if (!runId) {
        core.info('No run of docker-preflight to clean up.');
        return;
    }
    const saved = readSavedConfig(core);
    const log = new GitHubLog(undefined, core);
    const result = await (0,cleanup/* cleanupAt */.C5)({
        dockerHost: saved.dockerHost,
        processEnv: saved.context ? { ...process.env, DOCKER_CONTEXT: saved.context } : process.env,
        runId,
        removeImages: saved.cleanupImages,
        log,
        timeoutMs: POST_CLEANUP_MS
    });
    reportCleanup(result, log);
    const removed = result.containers.length + result.images.length + result.networks.length + result.volumes.length;
    if (removed > 0 && saved.summary && process.env.GITHUB_STEP_SUMMARY) {
        const parts = [
            result.containers.length > 0 ? (0,format/* plural */.LS)(result.containers.length, 'container') : '',
            result.networks.length > 0 ? (0,format/* plural */.LS)(result.networks.length, 'network') : '',
            result.volumes.length > 0 ? (0,format/* plural */.LS)(result.volumes.length, 'volume') : '',
            result.images.length > 0 ? (0,format/* plural */.LS)(result.images.length, 'image') : ''
        ].filter(Boolean);
        await core.summary
            .addRaw(`<p>\ud83e\uddf9 docker-preflight cleanup removed ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]} of run <code>${(0,report_escape/* escapeHtml */.ZD)(runId)}</code>.</p>\n`)
            .write()
            .catch(error => core.warning(`Could not write the job summary: ${(0,errors/* messageOf */.bD)(error)}`));
    }
}
function reportCleanup(result, log) {
    for (const line of (0,cleanup/* describeCleanup */.E1)(result))
        log.info(line);
    for (const problem of result.problems)
        log.warning(`Cleanup: ${problem}`);
}
/** One clear line for a user-facing failure; a stack only for bugs. */
function fail(core, error) {
    if (error instanceof errors/* PreflightError */.wG)
        core.setFailed(error.message);
    else
        core.setFailed(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}


/***/ })

};
