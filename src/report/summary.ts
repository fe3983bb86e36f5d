import type { RunResult } from '../pipeline.js'
import { escapeHtml, escapeMarkdown } from './escape.js'
import { heading, paragraph, table } from './html.js'

/** The whole job summary for one run, as HTML/Markdown ready for core.summary.addRaw(). */
export function renderSummary(run: RunResult): string {
  const parts = [renderVerdict(run), renderEngine(run)]
  return parts.filter(Boolean).join('\n')
}

export function renderVerdict(run: RunResult): string {
  const passed = run.failures.length === 0
  const head = passed
    ? `✅ docker-preflight passed in ${(run.durationMs / 1000).toFixed(1)} s`
    : `❌ docker-preflight failed: ${run.failures.length} problem${run.failures.length === 1 ? '' : 's'}`
  const list = passed ? '' : `<ul>${run.failures.map(f => `<li>${escapeMarkdown(f)}</li>`).join('')}</ul>\n`
  return `${heading(head, 2)}${list}`
}

export function renderEngine(run: RunResult): string {
  const engine = run.engine
  if (!engine) return `${heading('Engine', 3)}${paragraph(`Not reached: ${escapeMarkdown(run.endpoint)}`)}`
  const { facts } = engine
  const info = facts.info
  const str = (value: unknown): string =>
    escapeMarkdown(value === undefined || value === null ? '' : String(value))
  const list = (value: unknown): string =>
    Array.isArray(value) && value.length > 0
      ? value.map(v => `<code>${escapeHtml(String(v))}</code>`).join('<br>')
      : 'none'
  const rows: [string, string][] = [
    ['Endpoint', str(facts.endpoint)],
    ['Server version', str(facts.serverVersion)],
    [
      'API version',
      `${str(facts.apiVersion)}${facts.minApiVersion ? ` (min ${str(facts.minApiVersion)})` : ''}`
    ],
    ['Client (docker CLI)', facts.clientVersion ? str(facts.clientVersion) : 'no docker CLI on PATH'],
    ['OS / arch', `${str(info.OperatingSystem)} (${str(facts.os)}/${str(facts.arch)})`],
    ['Kernel', str(facts.kernelVersion)],
    ['Storage driver', str(info.Driver)],
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
            `<code>${escapeHtml(o.condition.source)}</code>`,
            escapeMarkdown(o.actual),
            o.passed ? '✅' : '❌'
          ])
        )
  const warnings = Array.isArray(info.Warnings) ? (info.Warnings as unknown[]).map(String) : []
  const warningBlock =
    warnings.length === 0
      ? paragraph('Daemon warnings: none')
      : `${paragraph(`Daemon warnings (${warnings.length}):`)}<pre>${warnings.map(w => escapeHtml(w)).join('\n')}</pre>\n`
  return `${heading('Engine', 3)}${body}${conditions}${warningBlock}`
}

/** Decimal units, as `docker image ls` shows sizes. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '?'
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let value = n
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 2 : 1)}${units[unit]}`
}
