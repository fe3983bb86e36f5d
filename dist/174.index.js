export const id = 174;
export const ids = [174];
export const modules = {

/***/ 13174:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: settledOrCancelled

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(57264);
// EXTERNAL MODULE: ./src/cleanup/cleanup.ts
var cleanup = __webpack_require__(4688);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/inputs/definitions.ts
var definitions = __webpack_require__(33775);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 1 modules
var parse = __webpack_require__(14581);
// EXTERNAL MODULE: ./src/pipeline.ts + 20 modules
var pipeline = __webpack_require__(13773);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(32794);
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
        outputs['image-size'] = run.build.sizeBytes !== undefined ? String(run.build.sizeBytes) : '';
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

// EXTERNAL MODULE: ./src/audit/leftovers.ts
var audit_leftovers = __webpack_require__(69423);
// EXTERNAL MODULE: ./src/report/budget.ts
var report_budget = __webpack_require__(32585);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(12011);
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
    const [unit, divisor] = largest >= 1e9 ? ['GB', 1e9] : largest >= 1e6 ? ['MB', 1e6] : ['kB', 1e3];
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
 * A pie of each stage's time (engine check, build, each smoke container); '' when none. The stages run
 * side by side, so the slices are shares of their sum, not of the run's wall time: the title says so.
 */
function timeChart(timings) {
    const slices = timings.filter(t => t.ms > 0).map(t => ({ label: t.label, ms: t.ms }));
    if (slices.length === 0)
        return '';
    let shown = slices;
    if (slices.length > MAX_TIME_SLICES) {
        const sorted = [...slices].sort((a, b) => b.ms - a.ms);
        const rest = sorted.slice(MAX_TIME_SLICES - 1);
        shown = [
            ...sorted.slice(0, MAX_TIME_SLICES - 1),
            { label: `${rest.length} more`, ms: rest.reduce((sum, t) => sum + t.ms, 0) }
        ];
    }
    const lines = shown.map(s => `    "${(0,report_escape/* mermaidLabel */._b)(s.label, 40)}" : ${Math.max(0.01, round(s.ms / 1000))}`);
    return mermaid(['pie showData', '    title Seconds per stage (stages overlap)', ...lines].join('\n'));
}
function round(n) {
    return Math.round(n * 100) / 100;
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
 * one-line verdict, Engine, Build, Smoke, Time, Images, Containers, Drift, Leftovers. Every untrusted value
 * is escaped (src/report/escape.ts); the result stays under SUMMARY_BUDGET_BYTES (see budget.ts).
 */
function renderSummary(run) {
    const sections = [
        { title: '', html: renderVerdict(run) },
        { title: 'Engine', html: renderEngine(run) },
        { title: 'Build', html: renderBuild(run) },
        { title: 'Smoke', html: renderSmoke(run) },
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
    sections[5].html = renderInventory(run, Math.max(0, report_budget/* SUMMARY_BUDGET_BYTES */.Xb - used - 8 * 1024));
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
        facts.push(`built <code>${(0,report_escape/* cell */.Hn)(name, 80)}</code> (${(0,format/* formatBytes */.z3)(builtImage(run)?.sizeBytes ?? build.sizeBytes)})`);
    }
    else if (build?.status === 'failed')
        facts.push('build failed');
    if (run.smoke && run.smoke.results.length > 0) {
        const ok = run.smoke.results.filter(r => r.passed).length;
        facts.push(`${ok} of ${(0,format/* plural */.LS)(run.smoke.results.length, 'smoke container')} passed`);
    }
    const mark = passed ? '✅' : '❌';
    const outcome = passed
        ? `docker-preflight passed in ${(run.durationMs / 1000).toFixed(1)} s`
        : `docker-preflight failed: ${(0,format/* plural */.LS)(run.failures.length, 'problem')}`;
    const line = `<h2>${mark} ${outcome}${facts.length ? ` · ${facts.join(' · ')}` : ''}</h2>\n`;
    if (passed)
        return line;
    const shown = run.failures.slice(0, MAX_FAILURES).map(f => `<li>${(0,report_escape/* cell */.Hn)(f, 1000)}</li>`);
    const more = run.failures.length > MAX_FAILURES ? `<li>and ${run.failures.length - MAX_FAILURES} more</li>` : '';
    return `${line}<ul>${shown.join('')}${more}</ul>\n`;
}
function renderEngine(run) {
    const engine = run.engine;
    if (!engine)
        return `${heading('Engine', 3)}${paragraph(`Not reached: ${(0,report_escape/* escapeMarkdown */.FV)(run.endpoint)}`)}`;
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
        ['Endpoint', str(facts.endpoint)],
        [
            'Server version',
            `${str(facts.serverVersion)} (API ${str(facts.apiVersion)}${facts.minApiVersion ? `, min ${str(facts.minApiVersion)}` : ''})`
        ],
        ['Client (docker CLI)', facts.clientVersion ? str(facts.clientVersion) : 'no docker CLI on PATH'],
        ['OS / arch', `${str(info.OperatingSystem)} (${str(facts.os)}/${str(facts.arch)})`],
        ['Kernel', str(facts.kernelVersion)],
        ['Storage driver', str(info.Driver)],
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
            o.passed ? '✅' : '❌'
        ]));
    const warnings = Array.isArray(info.Warnings) ? info.Warnings.map(String) : [];
    const warningBlock = warnings.length === 0
        ? paragraph('Daemon warnings: none')
        : `${paragraph(`Daemon warnings (${warnings.length}):`)}${pre(warnings
            .slice(0, 50)
            .map(w => (0,report_escape/* truncate */.xv)(w, 1000))
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
        const message = paragraph(`❌ Failed after ${(0,format/* formatMs */._V)(build.durationMs)}${where}: ${(0,report_escape/* cell */.Hn)(failure?.message ?? 'unknown error', 2000)}`);
        const lines = (failure?.tail ?? []).slice(-BUILD_TAIL_LINES).map(l => (0,report_escape/* truncate */.xv)(l, 500));
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
        ['Size', (0,format/* formatBytes */.z3)(image?.sizeBytes ?? build.sizeBytes)],
        ['Layers', String(build.layers ?? layers?.filter(l => l.sizeBytes > 0).length ?? '?')],
        ['Duration', (0,format/* formatMs */._V)(build.durationMs)],
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
        r.passed ? '✅' : '❌',
        (0,report_escape/* cell */.Hn)(r.name, 100),
        (0,report_escape/* codeCell */.MZ)(r.image, 150),
        r.exitCode === undefined ? '–' : String(r.exitCode),
        (0,format/* formatMs */._V)(r.durationMs),
        (0,report_escape/* cell */.Hn)(r.reason, 500)
    ]));
    const fitted = (0,report_budget/* fitRows */.zV)(rows, SMOKE_ROWS_BUDGET);
    const smokeTable = `${tableStart(['', 'Container', 'Image', 'Exit', 'Time', 'Why'])}${fitted.rows.join('')}</table>\n`;
    const parts = [title, smokeTable, omittedNote(fitted, 'smoke container')];
    let tailsBytes = 0;
    let tailsLeftOut = 0;
    for (const r of results.filter(r => !r.passed)) {
        if (r.outputTail.trim() === '') {
            parts.push(paragraph(`${(0,report_escape/* cell */.Hn)(r.name, 100)} wrote no output.`));
            continue;
        }
        const tail = (0,report_budget/* tailOf */.Cj)(r.outputTail);
        const lines = tail.text.split('\n').length;
        const cut = tail.cut || r.outputTruncated;
        const block = details(`Output of ${(0,report_escape/* truncate */.xv)(r.name, 100)} (${cut ? `last ${(0,format/* plural */.LS)(lines, 'line')}` : 'all'})`, pre(tail.text));
        if (tailsBytes + (0,report_budget/* byteLength */.dp)(block) > report_budget/* TAILS_BUDGET_BYTES */.cR) {
            tailsLeftOut++;
            continue;
        }
        tailsBytes += (0,report_budget/* byteLength */.dp)(block);
        parts.push(block);
    }
    if (tailsLeftOut > 0) {
        parts.push(paragraph(`The output of ${(0,format/* plural */.LS)(tailsLeftOut, 'more failed container')} is left out here; the log and the JSON report have it.`));
    }
    return parts.join('');
}
function renderTime(run) {
    const chart = timeChart(run.timings);
    if (!chart)
        return '';
    return `${heading('Time', 3)}${paragraph(`The whole run took ${(0,format/* formatMs */._V)(run.durationMs)}; the engine check, the build and the smoke containers overlap.`)}${chart}`;
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
        ? paragraph(`⚠️ ${inventory.errors.map(e => (0,report_escape/* cell */.Hn)(e, 500)).join('<br>')}`)
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
    return paragraph(`${(0,format/* plural */.LS)(fitted.omitted, `more ${noun}`)} left out to keep the summary under GitHub’s 1 MiB limit; the JSON report has them all.`);
}
function imageRow(image) {
    const tags = image.tags.length === 0 ? ['<none>'] : image.tags;
    const shown = tags
        .slice(0, MAX_TAGS_SHOWN)
        .map(t => (0,report_escape/* codeCell */.MZ)(t, 150))
        .join('<br>');
    const more = tags.length > MAX_TAGS_SHOWN ? `<br>+${tags.length - MAX_TAGS_SHOWN} more` : '';
    return tableRow([
        `${image.built ? '🔨 ' : ''}${shown}${more}`,
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
        c.removed ? `${(0,report_escape/* cell */.Hn)(c.state, 30)} 🧹` : (0,report_escape/* cell */.Hn)(c.state, 30),
        (0,report_escape/* cell */.Hn)(c.status, 80),
        c.exitCode === undefined ? '–' : String(c.exitCode),
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
        return `${title}${paragraph(`⚠️ ${(0,report_escape/* cell */.Hn)(drift.message ?? `The baseline is ${drift.status}`, 1000)}`)}`;
    }
    const notes = (drift.notes ?? [])
        .slice(0, 20)
        .map(n => paragraph(`ℹ️ ${(0,report_escape/* cell */.Hn)(n, 1000)}`))
        .join('');
    if (drift.items.length === 0) {
        const compared = drift.comparedFields ? `, ${(0,format/* plural */.LS)(drift.comparedFields.length, 'field')} compared` : '';
        return `${title}${paragraph(`No drift from the baseline${baseline}${compared}.`)}${notes}`;
    }
    const failing = new Set(drift.failing.map(d => d.field));
    const rows = drift.items
        .slice(0, 100)
        .map(item => [
        `${failing.has(item.field) ? '❌ ' : ''}${(0,report_escape/* codeCell */.MZ)(item.field, 60)}${item.security ? ' 🔒' : ''}`,
        (0,report_escape/* cell */.Hn)(item.was, 300),
        (0,report_escape/* cell */.Hn)(item.now, 300)
    ]);
    const more = drift.items.length > 100 ? paragraph(`and ${drift.items.length - 100} more`) : '';
    return `${title}${paragraph(`${(0,format/* plural */.LS)(drift.items.length, 'field')} changed since the baseline${baseline}; ❌ fails the step, 🔒 security.`)}${table(['Field', 'Was', 'Now'], rows)}${more}${notes}`;
}
function renderLeftovers(run) {
    const leftovers = run.leftovers;
    if (!leftovers || (leftovers.containers.length === 0 && leftovers.images.length === 0 && !leftovers.error))
        return '';
    const parts = [heading('Left by earlier runs', 3)];
    if (leftovers.error)
        parts.push(paragraph(`⚠️ ${(0,report_escape/* cell */.Hn)(leftovers.error, 500)}`));
    if (leftovers.containers.length > 0) {
        const rows = leftovers.containers.map(c => tableRow([
            (0,report_escape/* cell */.Hn)(c.name, 100),
            (0,report_escape/* codeCell */.MZ)(c.image, 120),
            (0,report_escape/* cell */.Hn)(c.state, 30),
            (0,report_escape/* codeCell */.MZ)(c.runId, 80),
            (0,report_escape/* cell */.Hn)(c.role ?? '', 20),
            (0,audit_leftovers/* formatAge */.n)(c.ageMs)
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
            (0,audit_leftovers/* formatAge */.n)(i.ageMs)
        ]));
        const fitted = (0,report_budget/* fitRows */.zV)(rows, LEFTOVER_ROWS_BUDGET);
        parts.push(fold((0,format/* plural */.LS)(leftovers.images.length, 'image'), `${tableStart(['Image', 'ID', 'Size', 'Run', 'Age'])}${fitted.rows.join('')}</table>\n`, rows.length), omittedNote(fitted, 'image'));
    }
    return parts.join('');
}

// EXTERNAL MODULE: ./src/runtime/cancel.ts
var cancel = __webpack_require__(93952);
// EXTERNAL MODULE: ./src/runtime/environment.ts
var environment = __webpack_require__(329);
// EXTERNAL MODULE: ./src/log/untrusted.ts
var untrusted = __webpack_require__(41168);
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
    constructor(write = text => process.stdout.write(text)) {
        this.write = write;
    }
    info(message) {
        // Our own lines can carry engine-provided values; guard them when they could act as commands.
        if (mightBeCommand(message))
            this.guarded(message);
        else
            core/* info */.pq(message);
    }
    warning(message, target) {
        core/* warning */.$e(message, target); // core escapes the message data and properties of annotation commands
    }
    error(message, target) {
        core/* error */.z3(message, target);
    }
    group(title, fn) {
        return core/* group */.Os(title, fn); // core escapes the title: a newline in it cannot start a new line
    }
    untrusted(title) {
        core/* startGroup */.Oh(title);
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
                core/* endGroup */.N4();
            }
        };
    }
    progress(message) {
        this.info(message);
    }
    debug(message) {
        if (mightBeCommand(message)) {
            if (core/* isDebug */._o())
                this.guarded(message);
        }
        else
            core/* debug */.Yz(message);
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

;// CONCATENATED MODULE: ./src/runtime/github.ts















// The GitHub Actions edge: the only module (with github-log.ts) that reads inputs, writes outputs, state
// and the job summary through @actions/core. Everything it calls is plain functions over data.
const STATE_PHASE = 'phase';
const STATE_RUN_ID = 'run-id';
const STATE_CONFIG = 'config';
/** After SIGINT, how long the stages get to wind down before main stops waiting for them. */
const CANCEL_GRACE_MS = 2_000;
/** After SIGINT, how long the engine has to show it is there before cleanup is attempted. */
const CANCEL_PING_MS = 1_000;
/** After SIGINT, how long removing what the run created may take (the runner sends SIGTERM at 7.5 s). */
const CANCEL_CLEANUP_MS = 4_000;
/** The post step's whole budget: an engine that stopped answering must not hold the job for hours. */
const POST_CLEANUP_MS = 20_000;
/** Once main or post is done, whatever still holds the event loop (a stuck socket) gets this long. */
const EXIT_GRACE_MS = 1_000;
/**
 * main and post share dist/index.js; saved state tells them apart, as actions/cache does.
 *
 * Exit status is guarded three ways, because a step that goes green without having run is worse than a
 * red one: the exit code is 1 until main completes; if the event loop drains while main still awaits
 * (a dockerode request whose daemon died leaves a promise that never settles, and node would otherwise
 * just exit), the step fails with a message saying so; and once main is done, an unref'd timer ends the
 * process even if a stuck socket would keep it alive.
 */
async function runAction(options = {}) {
    let done = false;
    const onDrain = () => {
        if (done)
            return;
        // Any open connection keeps node's event loop alive, so a loop that drains while main still awaits
        // means a reply was cut off and the request lost its socket without settling (docker-modem does
        // not report a response that ends early).
        core/* setFailed */.C1('docker-preflight stopped before the run completed: a reply from the Docker engine was cut off ' +
            'and never finished (did the engine stop or restart?)');
        process.exit(1);
    };
    const onCrash = (error) => {
        fail(error);
        process.exit(1);
    };
    process.on('beforeExit', onDrain);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    process.exitCode = 1;
    try {
        if (core/* getState */.Gu(STATE_PHASE) === 'main')
            await post();
        else
            await main(options.earlyPing);
    }
    finally {
        done = true;
        process.off('beforeExit', onDrain);
        setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
    }
}
function readRawInputs() {
    const raw = {};
    for (const input of definitions/* INPUTS */.mc) {
        if (input.cliOnly)
            continue;
        // The runner sets INPUT_<NAME> from action.yml defaults; a missing variable means the default.
        const envName = `INPUT_${input.name.replace(/ /g, '_').toUpperCase()}`;
        if (process.env[envName] !== undefined)
            raw[input.name] = core/* getInput */.V4(input.name);
    }
    return raw;
}
async function main(earlyPing) {
    const env = (0,environment/* readEnvironment */.Q)(process.env);
    core/* saveState */.LZ(STATE_PHASE, 'main');
    core/* saveState */.LZ(STATE_RUN_ID, env.runId);
    const log = new GitHubLog();
    let signalName;
    const cancellation = (0,cancel/* onTermination */.o)(name => {
        signalName = name;
        log.warning(`Received ${name}: cancelling the run and removing what it created.`);
    });
    const { signal } = cancellation;
    let config;
    try {
        config = (0,parse/* parseInputsOrThrow */.Ir)(readRawInputs(), env);
        const saved = {
            cleanupImages: config.cleanupImages,
            dockerHost: config.engine.dockerHost,
            summary: config.report.summary
        };
        core/* saveState */.LZ(STATE_CONFIG, JSON.stringify(saved));
        const run = await settledOrCancelled((0,pipeline/* runPipeline */.a)(config, env, { log, earlyPing, signal }), signal, CANCEL_GRACE_MS);
        // A run cut short is never reported as passed, whatever the stages made of the abort.
        if (signal.aborted)
            throw new errors/* CancelledError */.cc();
        await publish(run, config, env);
        if (run.failures.length > 0) {
            core/* setFailed */.C1(run.failures.length === 1
                ? run.failures[0]
                : `${run.failures.length} problems:\n- ${run.failures.join('\n- ')}`);
        }
        else {
            process.exitCode = 0;
        }
    }
    catch (error) {
        if (signal.aborted)
            core/* setFailed */.C1(`The run was cancelled (${signalName ?? 'signal'}).`);
        else
            fail(error);
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
async function publish(run, config, env) {
    const report = (0,json/* buildReport */.FK)(run, env);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(config.report.path), { recursive: true });
    (0,external_node_fs_.writeFileSync)(config.report.path, `${JSON.stringify(report, null, 2)}\n`);
    for (const [name, value] of Object.entries(stepOutputs(run, config.report.path)))
        core/* setOutput */.uH(name, value);
    if (config.report.summary && process.env.GITHUB_STEP_SUMMARY) {
        await core/* summary */.z
            .addRaw(renderSummary(run))
            .write()
            .catch(error => core/* warning */.$e(`Could not write the job summary: ${(0,errors/* messageOf */.bD)(error)}`));
    }
}
function readSavedConfig() {
    try {
        const saved = JSON.parse(core/* getState */.Gu(STATE_CONFIG) || '{}');
        return {
            cleanupImages: saved.cleanupImages === true,
            // Main saves nothing when its inputs were invalid; the post step gets the same inputs.
            dockerHost: typeof saved.dockerHost === 'string' ? saved.dockerHost : core/* getInput */.V4('docker-host') || undefined,
            summary: saved.summary !== false
        };
    }
    catch {
        return { cleanupImages: false, dockerHost: core/* getInput */.V4('docker-host') || undefined, summary: true };
    }
}
/**
 * The post step runs after main, even when main failed or was cancelled. It removes every container
 * labelled with the run (with anonymous volumes; `cleanup: false` only keeps them for the job's later
 * steps) and, with `cleanup-images`, the images the run built. A failure here is a warning: main has
 * already judged the run, and a warning says what may be left behind.
 */
async function post() {
    process.exitCode = 0;
    const runId = core/* getState */.Gu(STATE_RUN_ID);
    if (!runId) {
        core/* info */.pq('No run of docker-preflight to clean up.');
        return;
    }
    const saved = readSavedConfig();
    const log = new GitHubLog();
    const result = await (0,cleanup/* cleanupAt */.C5)({
        dockerHost: saved.dockerHost,
        processEnv: process.env,
        runId,
        removeImages: saved.cleanupImages,
        log,
        timeoutMs: POST_CLEANUP_MS
    });
    reportCleanup(result, log);
    const removed = result.containers.length + result.images.length;
    if (removed > 0 && saved.summary && process.env.GITHUB_STEP_SUMMARY) {
        const parts = [
            result.containers.length > 0 ? plural(result.containers.length, 'container') : '',
            result.images.length > 0 ? plural(result.images.length, 'image') : ''
        ].filter(Boolean);
        await core/* summary */.z
            .addRaw(`<p>🧹 docker-preflight cleanup removed ${parts.join(' and ')} of run <code>${(0,report_escape/* escapeHtml */.ZD)(runId)}</code>.</p>\n`)
            .write()
            .catch(error => core/* warning */.$e(`Could not write the job summary: ${(0,errors/* messageOf */.bD)(error)}`));
    }
}
function reportCleanup(result, log) {
    for (const line of (0,cleanup/* describeCleanup */.E1)(result))
        log.info(line);
    for (const problem of result.problems)
        log.warning(`Cleanup: ${problem}`);
}
function plural(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
/** One clear line for a user-facing failure; a stack only for bugs. */
function fail(error) {
    if (error instanceof errors/* PreflightError */.wG)
        core/* setFailed */.C1(error.message);
    else
        core/* setFailed */.C1(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}


/***/ })

};
