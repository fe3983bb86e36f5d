import type { ContainerSummary, ImageSummary } from '../inventory/inventory.js'
import type { RunResult } from '../pipeline.js'
import { storageText } from '../engine/image-store.js'
import { builtImageSize } from '../inventory/image-size.js'
import { SUMMARY_BUDGET_BYTES, byteLength, fitRows, shareBudget, type FittedRows } from './budget.js'
import { TailsBudget, outputBlock } from './tails.js'
import { cell, codeCell, escapeHtml, escapeMarkdown } from './escape.js'
import { formatAge, formatBytes, formatDate, formatDuration, oneLine, plural, truncate } from '../format.js'
import { details, heading, paragraph, pre, table, tableRow, tableStart, type Cell } from './html.js'
import { renderCompose } from './compose.js'
import { layerChart, timeChart } from './mermaid.js'
import { renderEfficiency, renderStructure } from './structure.js'

/** Tables longer than this are folded in <details>. */
const FOLD_ROWS = 10
/** The build failure's last lines, as the issue asks. */
const BUILD_TAIL_LINES = 30
const MAX_FAILURES = 50
const MAX_TAGS_SHOWN = 5
const SMOKE_ROWS_BUDGET = 120 * 1024
const LEFTOVER_ROWS_BUDGET = 40 * 1024

/**
 * The whole job summary for one run, as HTML/Markdown ready for core.summary.addRaw(). Sections: a
 * one-line verdict, Engine, Build, Smoke, Compose, Time, Images, Containers, Drift, Leftovers. Every untrusted value
 * one-line verdict, Engine, Build, Smoke, Structure tests, Efficiency, Time, Images, Containers, Drift, Leftovers. Every untrusted value
 * is escaped (src/report/escape.ts); the result stays under SUMMARY_BUDGET_BYTES (see budget.ts).
 */
export function renderSummary(run: RunResult): string {
  const sections: Section[] = [
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
  ]
  for (const section of sections) section.bytes = byteLength(section.html)
  // Every part is bounded, but together they can still be too much (hundreds of hostile failures, a
  // 100-layer image with long instructions): then the largest part gives way, with a note, until they fit.
  const fixedBudget = SUMMARY_BUDGET_BYTES - 64 * 1024
  let used = sections.reduce((sum, section) => sum + section.bytes!, 0)
  while (used > fixedBudget) {
    const largest = sections.slice(1).reduce((a, b) => (b.bytes! > a.bytes! ? b : a))
    largest.html = `${heading(largest.title, 3)}${paragraph('Too large for the job summary; the JSON report has it.')}`
    used -= largest.bytes! - byteLength(largest.html)
    largest.bytes = byteLength(largest.html)
  }
  // Headings, notes and <details> wrappers of the two tables fit in the reserve.
  sections.find(section => section.title === 'Inventory')!.html = renderInventory(
    run,
    Math.max(0, SUMMARY_BUDGET_BYTES - used - 8 * 1024)
  )
  return sections
    .map(section => section.html)
    .filter(Boolean)
    .join('\n')
}

interface Section {
  title: string
  html: string
  bytes?: number
}

export function renderVerdict(run: RunResult): string {
  const passed = run.failures.length === 0
  const facts: string[] = []
  if (run.engine) facts.push(`engine ${escapeMarkdown(run.engine.facts.serverVersion)}`)
  const build = run.build
  if (build?.status === 'built') {
    const name = build.tags[0] ?? build.imageId ?? 'image'
    facts.push(`built <code>${cell(name, 80)}</code> (${formatBytes(builtImageSize(build, run.inventory))})`)
  } else if (build?.status === 'failed') facts.push('build failed')
  if (run.smoke && run.smoke.results.length > 0) {
    const ok = run.smoke.results.filter(r => r.passed).length
    facts.push(`${ok} of ${plural(run.smoke.results.length, 'smoke container')} passed`)
  }
  if (run.compose && run.compose.services.length > 0) {
    const ok = run.compose.services.filter(s => s.passed).length
    facts.push(`${ok} of ${plural(run.compose.services.length, 'Compose service')} passed`)
  }
  const mark = passed ? '✅' : '❌'
  const outcome = passed
    ? `docker-preflight passed in ${formatDuration(run.durationMs)}`
    : `docker-preflight failed: ${plural(run.failures.length, 'problem')}`
  const line = `<h2>${mark} ${outcome}${facts.length ? ` · ${facts.join(' · ')}` : ''}</h2>\n`
  if (passed) return line
  const shown = run.failures.slice(0, MAX_FAILURES).map(f => `<li>${cell(f, 1000)}</li>`)
  const more =
    run.failures.length > MAX_FAILURES ? `<li>and ${run.failures.length - MAX_FAILURES} more</li>` : ''
  return `${line}<ul>${shown.join('')}${more}</ul>\n`
}

/**
 * The endpoint and what chose it, with code spans where the description has them:
 * <code>tcp://127.0.0.1:23760 (TLS)</code>, from context <code>ci-tls</code> (DOCKER_CONTEXT)
 */
function endpointCell(run: RunResult, endpoint: string): string {
  const source = run.endpointSource
  if (!source) return codeCell(endpoint)
  const description = truncate(source.description, 300)
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeMarkdown(part)}</code>` : escapeMarkdown(part)))
    .join('')
  const joiner = source.kind === 'default' || source.kind === 'rootless' ? ', ' : ', from '
  return `${codeCell(endpoint)}${joiner}${description}`
}

export function renderEngine(run: RunResult): string {
  const engine = run.engine
  if (!engine) return `${heading('Engine', 3)}${paragraph(`Not reached: ${endpointCell(run, run.endpoint)}`)}`
  const { facts } = engine
  const info = facts.info
  const str = (value: unknown): string =>
    cell(value === undefined || value === null ? '' : String(value), 300)
  const list = (value: unknown): string =>
    Array.isArray(value) && value.length > 0
      ? value
          .slice(0, 30)
          .map(v => codeCell(String(v)))
          .join('<br>')
      : 'none'
  const rows: [string, string][] = [
    ['Endpoint', endpointCell(run, facts.endpoint)],
    [
      'Server version',
      `${str(facts.serverVersion)} (API ${str(facts.apiVersion)}${facts.minApiVersion ? `, min ${str(facts.minApiVersion)}` : ''})`
    ],
    ...(facts.podmanVersion
      ? [['Podman', `${str(facts.podmanVersion)} (Docker-compatible API)`] as [string, string]]
      : []),
    ['Client (docker CLI)', facts.clientVersion ? str(facts.clientVersion) : 'no docker CLI on PATH'],
    ['OS / arch', `${str(info.OperatingSystem)} (${str(facts.os)}/${str(facts.arch)})`],
    ['Kernel', str(facts.kernelVersion)],
    ['Storage', str(storageText(info))],
    ['Cgroup', `${str(info.CgroupDriver)}, v${str(info.CgroupVersion ?? '?')}`],
    ['Default runtime', str(info.DefaultRuntime)],
    ['Security options', list(info.SecurityOptions)],
    ['CPUs / memory', `${str(info.NCPU)} / ${formatBytes(Number(info.MemTotal ?? 0))}`]
  ]
  const body = table(
    ['Fact', 'Value'],
    rows.map(([k, v]) => [escapeHtml(k), v])
  )
  const conditions =
    engine.conditions.length === 0
      ? ''
      : table(
          ['require-info', 'Engine has', 'Result'],
          engine.conditions.map(o => [
            codeCell(o.condition.source),
            cell(o.actual, 300),
            o.passed ? '✅' : '❌'
          ])
        )
  const warnings = Array.isArray(info.Warnings) ? (info.Warnings as unknown[]).map(String) : []
  const warningBlock =
    warnings.length === 0
      ? paragraph('Daemon warnings: none')
      : `${paragraph(`Daemon warnings (${warnings.length}):`)}${pre(
          warnings
            .slice(0, 50)
            .map(w => oneLine(w, 1000))
            .join('\n')
        )}`
  return `${heading('Engine', 3)}${body}${conditions}${warningBlock}`
}

function builtImage(run: RunResult): ImageSummary | undefined {
  return run.inventory?.images.find(i => i.built)
}

export function renderBuild(run: RunResult): string {
  const build = run.build
  if (!build) return ''
  const title = heading('Build', 3)
  if (build.status === 'skipped')
    return `${title}${paragraph(`Skipped: ${cell(build.skippedReason ?? '', 500)}`)}`
  if (build.status === 'failed') {
    const failure = build.failure
    const where = failure?.instruction
      ? ` at ${codeCell(failure.instruction, 300)}${failure.line ? ` (${cell(failure.file)} line ${failure.line})` : ''}`
      : ''
    const message = paragraph(
      `❌ Failed after ${formatDuration(build.durationMs)}${where}: ${cell(failure?.message ?? 'unknown error', 2000)}`
    )
    const lines = (failure?.tail ?? []).slice(-BUILD_TAIL_LINES).map(l => truncate(l, 500))
    const tail = lines.length
      ? `${paragraph(`Last ${plural(lines.length, 'line')} of the build:`)}${pre(lines.join('\n'))}`
      : ''
    return `${title}${message}${tail}`
  }

  const image = builtImage(run)
  const cached = build.steps.filter(s => s.cached).length
  const layers = image?.layers
  const tags = build.tags.length
    ? build.tags
        .slice(0, 20)
        .map(t => codeCell(t))
        .join(' ')
    : 'none'
  const rows: [string, string][] = [
    ['Tags', tags],
    ['Image ID', codeCell(image?.shortId ?? (build.imageId ?? '').replace(/^sha256:/, '').slice(0, 12))],
    ['Size', formatBytes(builtImageSize(build, run.inventory))],
    ['Layers', String(build.layers ?? layers?.filter(l => l.sizeBytes > 0).length ?? '?')],
    ['Duration', formatDuration(build.durationMs)],
    ['Builder', build.builder === 'buildkit' ? 'BuildKit' : build.builder === 'classic' ? 'classic' : '?'],
    ['Cached steps', build.steps.length ? `${cached} of ${build.steps.length}` : 'none reported']
  ]
  if (build.context) {
    rows.push([
      'Context',
      `${plural(build.context.files, 'file')}, ${formatBytes(build.context.bytes)}, ${build.context.ignored} ignored`
    ])
  }
  const facts = table(
    ['Build', 'Value'],
    rows.map(([k, v]) => [escapeHtml(k), v])
  )
  const labelEntries = Object.entries(image?.labels ?? {})
  const labels =
    labelEntries.length === 0
      ? ''
      : details(
          `Labels (${labelEntries.length})`,
          table(
            ['Label', 'Value'],
            labelEntries.slice(0, 50).map(([k, v]) => [codeCell(k), cell(v, 300)])
          )
        )
  const layerPart = layers?.length
    ? `${layerChart(layers, build.tags[0] ?? image?.shortId ?? 'image')}${details(
        `Layers (${layers.length}, Dockerfile order)`,
        table(
          ['#', 'Size', 'Instruction'],
          layers
            .slice(0, 200)
            .map((l, i) => [String(i + 1), formatBytes(l.sizeBytes), codeCell(l.createdBy, 300)])
        )
      )}`
    : ''
  return `${title}${facts}${labels}${layerPart}`
}

export function renderSmoke(run: RunResult): string {
  const title = heading('Smoke', 3)
  if (!run.smoke)
    return run.build?.status === 'failed' ? `${title}${paragraph('Skipped: the build failed.')}` : ''
  const results = run.smoke.results
  if (results.length === 0) return `${title}${paragraph('No smoke containers ran.')}`
  const rows = results.map(r =>
    tableRow([
      r.passed ? '✅' : '❌',
      cell(r.name, 100),
      codeCell(r.image, 150),
      r.exitCode === undefined ? '–' : String(r.exitCode),
      formatDuration(r.durationMs),
      cell(r.reason, 500)
    ])
  )
  const fitted = fitRows(rows, SMOKE_ROWS_BUDGET)
  const smokeTable = `${tableStart(['', 'Container', 'Image', 'Exit', 'Time', 'Why'])}${fitted.rows.join('')}</table>\n`
  const parts = [title, smokeTable, omittedNote(fitted, 'smoke container')]

  const tails = new TailsBudget(parts)
  for (const r of results.filter(r => !r.passed)) {
    if (r.outputTail.trim() === '') parts.push(paragraph(`${cell(r.name, 100)} wrote no output.`))
    else tails.add(outputBlock(r.name, r.outputTail, r.outputTruncated))
  }
  if (tails.leftOut > 0) {
    parts.push(
      paragraph(
        `The output of ${plural(tails.leftOut, 'more failed container')} is left out here; the log and the JSON report have it.`
      )
    )
  }
  return parts.join('')
}

/** Each pushed tag as `name@sha256:…` ready to copy, or why nothing was pushed. */
export function renderPush(run: RunResult): string {
  const push = run.push
  if (!push) return ''
  const title = heading('Push', 3)
  if (push.status === 'not-pushed')
    return `${title}${paragraph(`Not pushed: ${cell(push.reason ?? '', 1000)}`)}`
  const rows = push.pushed.map(p =>
    tableRow([
      codeCell(p.tag, 200),
      codeCell(p.pinned, 300),
      escapeHtml(
        `${p.layers.pushed} pushed, ${p.layers.existed} already there${p.layers.mounted ? `, ${p.layers.mounted} mounted` : ''}${p.attempts > 1 ? ` (${plural(p.attempts, 'attempt')})` : ''}`
      )
    ])
  )
  const pushedTable =
    rows.length > 0 ? `${tableStart(['Tag', 'Pinned reference', 'Layers'])}${rows.join('')}</table>\n` : ''
  const failed =
    push.status === 'failed'
      ? paragraph(
          `${rows.length > 0 ? 'Then the push failed' : 'Push failed'}: ${cell(push.problems.join(' '), 1000)}`
        )
      : ''
  return `${title}${pushedTable}${failed}`
}

export function renderTime(run: RunResult): string {
  const chart = timeChart(run.timings)
  if (!chart) return ''
  return `${heading('Time', 3)}${paragraph(`The whole run took ${formatDuration(run.durationMs)}; the engine check, the build and the smoke containers overlap.`)}${chart}`
}

/** Images and Containers, sharing `budget` bytes of table rows. */
export function renderInventory(run: RunResult, budget: number): string {
  const inventory = run.inventory
  if (!inventory) return ''
  const imageRows = inventory.images.map(imageRow)
  const containerRows = inventory.containers.map(containerRow)
  const [images, containers] = shareBudget(imageRows, containerRows, budget)
  const scopeNote =
    inventory.scope === 'all' ? 'Everything on the engine' : 'What this run built, used and ran'
  const errors = inventory.errors.length
    ? paragraph(`⚠️ ${inventory.errors.map(e => cell(e, 500)).join('<br>')}`)
    : ''

  const totalSize = inventory.images.reduce((sum, i) => sum + i.sizeBytes, 0)
  const imagesTable = `${tableStart(['Repository:tag', 'ID', 'Size', 'Created'])}${images.rows.join('')}</table>\n`
  const imagesPart =
    inventory.images.length === 0
      ? paragraph('None.')
      : fold(
          `${plural(inventory.images.length, 'image')}, ${formatBytes(totalSize)} (sizes include shared layers)`,
          imagesTable,
          inventory.images.length
        ) + omittedNote(images, 'image')

  const containersTable = `${tableStart(['Name', 'Image', 'Command', 'State', 'Status', 'Exit', 'Created', 'Ports'])}${containers.rows.join('')}</table>\n`
  const containersPart =
    inventory.containers.length === 0
      ? paragraph('None.')
      : fold(plural(inventory.containers.length, 'container'), containersTable, inventory.containers.length) +
        omittedNote(containers, 'container')

  return [
    `${heading('Images', 3)}${paragraph(`${escapeHtml(scopeNote)}.`)}${errors}${imagesPart}`,
    `${heading('Containers', 3)}${containersPart}`
  ].join('\n')
}

function fold(label: string, html: string, rows: number): string {
  return rows > FOLD_ROWS ? details(label, html) : html
}

function omittedNote(fitted: FittedRows, noun: string): string {
  if (fitted.omitted === 0) return ''
  return paragraph(
    `${plural(fitted.omitted, `more ${noun}`)} left out to keep the summary under GitHub’s 1 MiB limit; the JSON report has them all.`
  )
}

function imageRow(image: ImageSummary): string {
  const tags = image.tags.length === 0 ? ['<none>'] : image.tags
  const shown = tags
    .slice(0, MAX_TAGS_SHOWN)
    .map(t => codeCell(t, 150))
    .join('<br>')
  const more = tags.length > MAX_TAGS_SHOWN ? `<br>+${tags.length - MAX_TAGS_SHOWN} more` : ''
  return tableRow([
    `${image.built ? '🔨 ' : ''}${shown}${more}`,
    `<code>${escapeHtml(image.shortId)}</code>`,
    formatBytes(image.sizeBytes),
    escapeHtml(formatDate(image.created))
  ])
}

function containerRow(c: ContainerSummary): string {
  const ports = c.ports.slice(0, 5).map(p => cell(p, 60))
  if (c.ports.length > 5) ports.push(`+${c.ports.length - 5} more`)
  return tableRow([
    cell(c.name, 100),
    codeCell(c.image, 120),
    codeCell(c.command, 120),
    c.removed ? `${cell(c.state, 30)} 🧹` : cell(c.state, 30),
    cell(c.status, 80),
    c.exitCode === undefined ? '–' : String(c.exitCode),
    escapeHtml(formatDate(c.created)),
    ports.join('<br>')
  ])
}

export function renderDrift(run: RunResult): string {
  const drift = run.drift
  if (!drift) return ''
  const title = heading('Drift', 3)
  const baseline = drift.baseline ? ` (baseline ${codeCell(drift.baseline, 200)})` : ''
  if (drift.status !== 'compared') {
    return `${title}${paragraph(`⚠️ ${cell(drift.message ?? `The baseline is ${drift.status}`, 1000)}`)}`
  }
  const notes = (drift.notes ?? [])
    .slice(0, 20)
    .map(n => paragraph(`ℹ️ ${cell(n, 1000)}`))
    .join('')
  if (drift.items.length === 0) {
    const compared = drift.comparedFields ? `, ${plural(drift.comparedFields.length, 'field')} compared` : ''
    return `${title}${paragraph(`No drift from the baseline${baseline}${compared}.`)}${notes}`
  }
  const failing = new Set(drift.failing.map(d => d.field))
  const rows: Cell[][] = drift.items
    .slice(0, 100)
    .map(item => [
      `${failing.has(item.field) ? '❌ ' : ''}${codeCell(item.field, 60)}${item.security ? ' 🔒' : ''}`,
      cell(item.was, 300),
      cell(item.now, 300)
    ])
  const more = drift.items.length > 100 ? paragraph(`and ${drift.items.length - 100} more`) : ''
  return `${title}${paragraph(`${plural(drift.items.length, 'field')} changed since the baseline${baseline}; ❌ fails the step, 🔒 security.`)}${table(['Field', 'Was', 'Now'], rows)}${more}${notes}`
}

export function renderLeftovers(run: RunResult): string {
  const leftovers = run.leftovers
  if (!leftovers || (leftovers.containers.length === 0 && leftovers.images.length === 0 && !leftovers.error))
    return ''
  const parts = [heading('Left by earlier runs', 3)]
  if (leftovers.error) parts.push(paragraph(`⚠️ ${cell(leftovers.error, 500)}`))
  if (leftovers.containers.length > 0) {
    const rows = leftovers.containers.map(c =>
      tableRow([
        cell(c.name, 100),
        codeCell(c.image, 120),
        cell(c.state, 30),
        codeCell(c.runId, 80),
        cell(c.role ?? '', 20),
        formatAge(c.ageMs)
      ])
    )
    const fitted = fitRows(rows, LEFTOVER_ROWS_BUDGET)
    parts.push(
      fold(
        plural(leftovers.containers.length, 'container'),
        `${tableStart(['Container', 'Image', 'State', 'Run', 'Role', 'Age'])}${fitted.rows.join('')}</table>\n`,
        rows.length
      ),
      omittedNote(fitted, 'container')
    )
  }
  if (leftovers.images.length > 0) {
    const rows = leftovers.images.map(i =>
      tableRow([
        i.tags.length
          ? i.tags
              .slice(0, 3)
              .map(t => codeCell(t, 150))
              .join('<br>')
          : '&lt;none&gt;',
        `<code>${escapeHtml(i.shortId)}</code>`,
        formatBytes(i.sizeBytes),
        codeCell(i.runId, 80),
        formatAge(i.ageMs)
      ])
    )
    const fitted = fitRows(rows, LEFTOVER_ROWS_BUDGET)
    parts.push(
      fold(
        plural(leftovers.images.length, 'image'),
        `${tableStart(['Image', 'ID', 'Size', 'Run', 'Age'])}${fitted.rows.join('')}</table>\n`,
        rows.length
      ),
      omittedNote(fitted, 'image')
    )
  }
  return parts.join('')
}
