import type { RunResult } from '../pipeline.js'
import { formatBytes } from './summary.js'

/** The report as plain text tables, for a terminal or a CI log that is not GitHub's. */
export function renderText(run: RunResult): string {
  const sections = [textVerdict(run), textEngine(run)]
  return `${sections.filter(Boolean).join('\n\n')}\n`
}

function textVerdict(run: RunResult): string {
  if (run.failures.length === 0) return `PASSED in ${(run.durationMs / 1000).toFixed(1)} s`
  return [`FAILED (${run.failures.length}):`, ...run.failures.map(f => `  - ${f}`)].join('\n')
}

function textEngine(run: RunResult): string {
  const engine = run.engine
  if (!engine) return `Engine\n  not reached: ${run.endpoint}`
  const { facts } = engine
  const info = facts.info
  const rows: [string, string][] = [
    ['Endpoint', facts.endpoint],
    ['Server version', `${facts.serverVersion} (API ${facts.apiVersion})`],
    ['Client', facts.clientVersion ?? 'no docker CLI on PATH'],
    ['OS / arch', `${String(info.OperatingSystem ?? '')} (${facts.os}/${facts.arch})`],
    ['Kernel', facts.kernelVersion],
    ['Storage driver', String(info.Driver ?? '')],
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
      o => `  require-info ${o.passed ? 'ok  ' : 'FAIL'} ${o.condition.source} (${o.actual})`
    ),
    warnings.length
      ? `  Daemon warnings:\n${warnings.map(w => `    ${w}`).join('\n')}`
      : '  Daemon warnings: none'
  ].join('\n')
}

/** A plain aligned table with a header rule. */
export function textTable(headers: string[], rows: string[][]): string {
  const clean = (s: string): string => s.replace(/[\r\n\t]+/g, ' ')
  const all = [headers, ...rows.map(r => r.map(clean))]
  const widths = headers.map((_, i) => Math.min(60, Math.max(...all.map(r => (r[i] ?? '').length))))
  const fmt = (row: string[]): string =>
    '  ' +
    row
      .map((cell, i) => {
        const w = widths[i]!
        const text = cell.length > w ? `${cell.slice(0, w - 1)}…` : cell
        return i === row.length - 1 ? text : text.padEnd(w)
      })
      .join('  ')
  return [
    fmt(headers),
    `  ${widths.map(w => '─'.repeat(w)).join('  ')}`,
    ...rows.map(r => fmt(r.map(clean)))
  ].join('\n')
}
