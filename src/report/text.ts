import { describeEndpoint } from '../engine/endpoint.js'
import type { RunResult } from '../pipeline.js'
import { storageText } from '../engine/image-store.js'
import { builtImageSize } from '../inventory/image-size.js'
import { tailOf } from './budget.js'
import { terminalText } from './escape.js'
import { formatAge, formatBytes, formatDate, formatDuration, oneLine, plural, truncate } from '../format.js'

/** Rows per table in the terminal; the JSON report has the rest. */
export const TEXT_MAX_ROWS = 100
/** Lines of each failed smoke container's output repeated in the report (the log has the full tail). */
const TEXT_TAIL_LINES = 10
const BUILD_TAIL_LINES = 30

/**
 * The report as plain text tables, for a terminal or a CI log that is not GitHub's: the same sections as
 * the job summary, bounded the same way. Untrusted text loses escape sequences and control characters.
 */
export function renderText(run: RunResult): string {
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
  ]
  return `${sections.filter(Boolean).join('\n\n')}\n`
}

function textVerdict(run: RunResult): string {
  if (run.failures.length === 0) return `PASSED in ${formatDuration(run.durationMs)}`
  return [
    `FAILED (${run.failures.length}):`,
    ...run.failures.slice(0, 50).map(f => `  - ${truncate(terminalText(f), 1000)}`),
    ...(run.failures.length > 50 ? [`  ... and ${run.failures.length - 50} more`] : [])
  ].join('\n')
}

function textEngine(run: RunResult): string {
  const engine = run.engine
  const endpoint = (shown: string): string =>
    terminalText(run.endpointSource ? describeEndpoint(shown, run.endpointSource) : shown)
  if (!engine) return `Engine\n  not reached: ${endpoint(run.endpoint)}`
  const { facts } = engine
  const info = facts.info
  const rows: [string, string][] = [
    ['Endpoint', endpoint(facts.endpoint)],
    ['Server version', `${facts.serverVersion} (API ${facts.apiVersion})`],
    ...(facts.podmanVersion
      ? [['Podman', `${facts.podmanVersion} (Docker-compatible API)`] as [string, string]]
      : []),
    ['Client', facts.clientVersion ?? 'no docker CLI on PATH'],
    ['OS / arch', `${String(info.OperatingSystem ?? '')} (${facts.os}/${facts.arch})`],
    ['Kernel', facts.kernelVersion],
    ['Storage', storageText(info)],
    ['Cgroup', `${String(info.CgroupDriver ?? '')}, v${String(info.CgroupVersion ?? '?')}`],
    ['Default runtime', String(info.DefaultRuntime ?? '')],
    ['Security options', ((info.SecurityOptions as string[] | undefined) ?? []).join(', ') || 'none'],
    ['CPUs / memory', `${String(info.NCPU ?? '')} / ${formatBytes(Number(info.MemTotal ?? 0))}`]
  ]
  const warnings = Array.isArray(info.Warnings) ? (info.Warnings as unknown[]).map(String) : []
  return [
    'Engine',
    textTable(['Fact', 'Value'], rows),
    ...engine.conditions.map(
      o =>
        `  require-info ${o.passed ? 'ok  ' : 'FAIL'} ${terminalText(o.condition.source)} (${terminalText(o.actual)})`
    ),
    warnings.length
      ? `  Daemon warnings:\n${warnings
          .slice(0, 50)
          .map(w => `    ${oneLine(terminalText(w), 500)}`)
          .join('\n')}`
      : '  Daemon warnings: none'
  ].join('\n')
}

function textBuild(run: RunResult): string {
  const build = run.build
  if (!build) return ''
  if (build.status === 'skipped') return `Build\n  skipped: ${terminalText(build.skippedReason ?? '')}`
  if (build.status === 'failed') {
    const failure = build.failure
    const where = failure?.instruction
      ? ` at ${terminalText(failure.instruction)}${failure.line ? ` (${failure.file} line ${failure.line})` : ''}`
      : ''
    const tail = (failure?.tail ?? []).slice(-BUILD_TAIL_LINES).map(l => `  │ ${terminalText(l)}`)
    return [
      'Build',
      `  FAILED after ${formatDuration(build.durationMs)}${where}: ${terminalText(failure?.message ?? 'unknown error')}`,
      ...(tail.length ? [`  Last ${plural(tail.length, 'line')}:`, ...tail] : [])
    ].join('\n')
  }
  const image = run.inventory?.images.find(i => i.built)
  const cached = build.steps.filter(s => s.cached).length
  const rows: [string, string][] = [
    ['Tags', build.tags.join(', ') || 'none'],
    ['Image ID', image?.shortId ?? (build.imageId ?? '').replace(/^sha256:/, '').slice(0, 12)],
    ['Size', formatBytes(builtImageSize(build, run.inventory))],
    ['Layers', String(build.layers ?? image?.layers?.filter(l => l.sizeBytes > 0).length ?? '?')],
    ['Duration', formatDuration(build.durationMs)],
    ['Builder', build.builder ?? '?'],
    ['Cached steps', build.steps.length ? `${cached} of ${build.steps.length}` : 'none reported']
  ]
  const layers = image?.layers ?? []
  return [
    'Build',
    textTable(['Build', 'Value'], rows),
    ...(layers.length
      ? [
          '  Layers (Dockerfile order):',
          textTable(
            ['#', 'Size', 'Instruction'],
            layers
              .slice(0, TEXT_MAX_ROWS)
              .map((l, i) => [String(i + 1), formatBytes(l.sizeBytes), l.createdBy])
          )
        ]
      : [])
  ].join('\n')
}

function textSmoke(run: RunResult): string {
  if (!run.smoke) return run.build?.status === 'failed' ? 'Smoke\n  skipped: the build failed' : ''
  const results = run.smoke.results
  if (results.length === 0) return 'Smoke\n  no containers ran'
  const lines = [
    'Smoke',
    textTable(
      ['', 'Container', 'Image', 'Exit', 'Time', 'Why'],
      results
        .slice(0, TEXT_MAX_ROWS)
        .map(r => [
          r.passed ? 'ok' : 'FAIL',
          r.name,
          r.image,
          r.exitCode === undefined ? '-' : String(r.exitCode),
          formatDuration(r.durationMs),
          r.reason
        ])
    ),
    more(results.length, 'smoke container')
  ]
  for (const r of results.filter(r => !r.passed).slice(0, 20)) {
    if (r.outputTail.trim() === '') continue
    const tail = tailOf(terminalText(r.outputTail, true), TEXT_TAIL_LINES)
    lines.push(`  Last output of ${terminalText(r.name)}:`, ...tail.text.split('\n').map(l => `  │ ${l}`))
  }
  return lines.filter(Boolean).join('\n')
}

function textCompose(run: RunResult): string {
  const compose = run.compose
  if (!compose) return ''
  const title = `Compose (project ${terminalText(compose.project)})`
  if (compose.services.length === 0) {
    return [title, ...compose.problems.map(p => `  ${truncate(terminalText(p), 1000)}`)].join('\n')
  }
  const lines = [
    title,
    textTable(
      ['', 'Service', 'Image', 'State', 'Health', 'Ports', 'Why'],
      compose.services
        .slice(0, TEXT_MAX_ROWS)
        .map(s => [
          s.passed ? 'ok' : 'FAIL',
          s.name,
          s.image || '-',
          `${s.state}${s.exitCode !== undefined ? ` (${s.exitCode})` : ''}`,
          s.health ?? '-',
          s.ports.join(', ') || '-',
          s.reason
        ])
    ),
    more(compose.services.length, 'service')
  ]
  for (const s of compose.services.filter(s => !s.passed).slice(0, 20)) {
    for (const probe of s.healthLog.slice(-3)) {
      lines.push(
        `  Health check of ${terminalText(s.name)}: exit ${probe.exitCode}: ${oneLine(terminalText(probe.output), 200)}`
      )
    }
    if (s.logTail.trim() === '') continue
    const tail = tailOf(terminalText(s.logTail, true), TEXT_TAIL_LINES)
    lines.push(`  Last output of ${terminalText(s.name)}:`, ...tail.text.split('\n').map(l => `  │ ${l}`))
  }
  return lines.filter(Boolean).join('\n')
}

function textPush(run: RunResult): string {
  const push = run.push
  if (!push) return ''
  if (push.status === 'not-pushed')
    return `Push\n  not pushed: ${truncate(terminalText(push.reason ?? ''), 1000)}`
  const lines = ['Push', ...push.pushed.map(p => `  ${terminalText(p.pinned)}`)]
  if (push.status === 'failed')
    lines.push(...push.problems.map(p => `  failed: ${truncate(terminalText(p), 1000)}`))
  return lines.join('\n')
}

function textImages(run: RunResult): string {
  const inventory = run.inventory
  if (!inventory) return ''
  const scope = inventory.scope === 'all' ? 'everything on the engine' : 'built, used and run by this run'
  const title = `Images (${inventory.images.length}, ${scope})`
  if (inventory.images.length === 0) return `${title}\n  none`
  return [
    title,
    ...inventory.errors.map(e => `  warning: ${terminalText(e)}`),
    textTable(
      ['Repository:tag', 'ID', 'Size', 'Created'],
      inventory.images
        .slice(0, TEXT_MAX_ROWS)
        .map(i => [
          `${i.built ? '* ' : ''}${i.tags.length ? i.tags.slice(0, 3).join(', ') : '<none>'}${i.tags.length > 3 ? ` +${i.tags.length - 3}` : ''}`,
          i.shortId,
          formatBytes(i.sizeBytes),
          formatDate(i.created)
        ])
    ),
    more(inventory.images.length, 'image')
  ]
    .filter(Boolean)
    .join('\n')
}

function textContainers(run: RunResult): string {
  const inventory = run.inventory
  if (!inventory) return ''
  const title = `Containers (${inventory.containers.length})`
  if (inventory.containers.length === 0) return `${title}\n  none`
  return [
    title,
    textTable(
      ['Name', 'Image', 'Command', 'State', 'Status', 'Exit', 'Created', 'Ports'],
      inventory.containers
        .slice(0, TEXT_MAX_ROWS)
        .map(c => [
          c.name,
          c.image,
          c.command,
          c.state,
          c.status,
          c.exitCode === undefined ? '-' : String(c.exitCode),
          formatDate(c.created),
          c.ports.join(', ')
        ]),
      30
    ),
    more(inventory.containers.length, 'container')
  ]
    .filter(Boolean)
    .join('\n')
}

function textDrift(run: RunResult): string {
  const drift = run.drift
  if (!drift) return ''
  if (drift.status !== 'compared') return `Drift\n  ${terminalText(drift.message ?? drift.status)}`
  const notes = (drift.notes ?? []).map(n => `  note: ${terminalText(n)}`)
  if (drift.items.length === 0) return ['Drift', '  no drift from the baseline', ...notes].join('\n')
  const failing = new Set(drift.failing.map(d => d.field))
  return [
    'Drift',
    textTable(
      ['', 'Field', 'Was', 'Now'],
      drift.items
        .slice(0, TEXT_MAX_ROWS)
        .map(d => [
          failing.has(d.field) ? 'FAIL' : '',
          `${d.field}${d.security ? ' (security)' : ''}`,
          d.was,
          d.now
        ])
    ),
    ...notes
  ].join('\n')
}

function textLeftovers(run: RunResult): string {
  const leftovers = run.leftovers
  if (!leftovers || (leftovers.containers.length === 0 && leftovers.images.length === 0 && !leftovers.error))
    return ''
  const lines = ['Left by earlier runs']
  if (leftovers.error) lines.push(`  warning: ${terminalText(leftovers.error)}`)
  if (leftovers.containers.length) {
    lines.push(
      textTable(
        ['Container', 'Image', 'State', 'Run', 'Age'],
        leftovers.containers
          .slice(0, TEXT_MAX_ROWS)
          .map(c => [c.name, c.image, c.state, c.runId, formatAge(c.ageMs)])
      ),
      more(leftovers.containers.length, 'container')
    )
  }
  if (leftovers.images.length) {
    lines.push(
      textTable(
        ['Image', 'ID', 'Size', 'Run', 'Age'],
        leftovers.images
          .slice(0, TEXT_MAX_ROWS)
          .map(i => [
            i.tags.join(', ') || '<none>',
            i.shortId,
            formatBytes(i.sizeBytes),
            i.runId,
            formatAge(i.ageMs)
          ])
      ),
      more(leftovers.images.length, 'image')
    )
  }
  return lines.filter(Boolean).join('\n')
}

function more(total: number, noun: string): string {
  return total > TEXT_MAX_ROWS
    ? `  ... ${plural(total - TEXT_MAX_ROWS, `more ${noun}`)} (the JSON report has them all)`
    : ''
}

/**
 * A plain aligned table with a header rule. Cells are untrusted: escape sequences and control characters
 * are removed, and each column is at most `maxWidth` characters wide.
 */
export function textTable(headers: string[], rows: string[][], maxWidth = 60): string {
  const all = [headers, ...rows.map(r => r.map(c => terminalText(c)))]
  // The last column is not padded, so it may run longer (a reason, an instruction).
  const cap = (i: number): number => (i === headers.length - 1 ? Math.max(maxWidth, 200) : maxWidth)
  const widths = headers.map((_, i) => Math.min(cap(i), Math.max(...all.map(r => (r[i] ?? '').length))))
  const fmt = (row: string[]): string =>
    '  ' +
    row
      .map((cell, i) => {
        const w = widths[i]!
        const text = cell.length > w ? `${cell.slice(0, w - 1)}…` : cell
        return i === row.length - 1 ? text : text.padEnd(w)
      })
      .join('  ')
  return [fmt(all[0]!), `  ${widths.map(w => '─'.repeat(w)).join('  ')}`, ...all.slice(1).map(fmt)].join('\n')
}
