// The Compose stack in the job summary: one row per service (image, state, health, ports, why), a
// dependency chart, and for each failed service its health log and last output. Service names, images,
// reasons and output are untrusted (they come from the Compose file and the containers): escaped here.
import type { ComposeResult, ComposeServiceResult } from '../compose/run.js'
import { formatDuration, plural, truncate } from '../format.js'
import { tailOf } from './budget.js'
import { TailsBudget, outputBlock } from './tails.js'
import { cell, codeCell, mermaidLabel } from './escape.js'
import { details, heading, mermaid, paragraph, pre, tableRow, tableStart } from './html.js'

/** Services beyond this many are not drawn (the table still lists them). */
export const MAX_CHART_SERVICES = 40

export function renderCompose(compose: ComposeResult | undefined): string {
  if (!compose) return ''
  const title = heading('Compose', 3)
  const passed = compose.services.filter(s => s.passed).length
  const facts = paragraph(
    `Project <code>${cell(compose.project, 100)}</code> from ${compose.files.map(f => `<code>${cell(f, 200)}</code>`).join(', ')}: ` +
      `${passed} of ${plural(compose.services.length, 'service')} passed in ${formatDuration(compose.durationMs)}; ` +
      (compose.removed.problems.length === 0
        ? 'the stack was taken down.'
        : `the stack was not fully removed (${cell(compose.removed.problems.join('; '), 300)}).`)
  )
  if (compose.services.length === 0) {
    return `${title}${paragraph(cell(compose.problems.join(' '), 1000) || 'No services.')}`
  }
  const rows = compose.services.map(s =>
    tableRow([
      s.passed ? '✅' : '❌',
      cell(s.name, 100),
      codeCell(s.image || '–', 150),
      cell(`${s.state}${s.exitCode !== undefined ? ` (${s.exitCode})` : ''}`, 40),
      cell(s.health ?? '–', 20),
      s.ports.length > 0 ? s.ports.map(p => codeCell(p, 60)).join('<br>') : '–',
      cell(s.reason, 500)
    ])
  )
  const table = `${tableStart(['', 'Service', 'Image', 'State', 'Health', 'Ports', 'Why'])}${rows.join('')}</table>\n`
  const extra =
    compose.containers.length > 0
      ? `${tableStart(['', 'Container on the stack network', 'Image', 'Exit', 'Why'])}${compose.containers
          .map(c =>
            tableRow([
              c.passed ? '✅' : '❌',
              cell(c.name, 100),
              codeCell(c.image, 150),
              c.exitCode === undefined ? '–' : String(c.exitCode),
              cell(c.reason, 500)
            ])
          )
          .join('')}</table>\n`
      : ''
  const containerOutput = compose.containers
    .filter(c => !c.passed && c.outputTail.trim() !== '')
    .map(c => details(`Output of ${truncate(c.name, 100)}`, pre(tailOf(c.outputTail).text)))
    .join('')
  return `${title}${facts}${table}${extra}${dependencyChart(compose.services)}${failureDetails(compose.services)}${containerOutput}`
}

/** A flowchart of depends_on: an arrow from each dependency to the service that waits for it. */
export function dependencyChart(services: ComposeServiceResult[]): string {
  if (services.length === 0) return ''
  const shown = services.slice(0, MAX_CHART_SERVICES)
  const id = new Map(shown.map((s, i) => [s.name, `s${i}`]))
  const lines = ['flowchart LR']
  for (const s of shown) {
    const kind = s.kind === 'one-shot' ? ' (one-shot)' : ''
    lines.push(`    ${id.get(s.name)!}["${mermaidLabel(s.name)}${kind}"]`)
  }
  for (const s of shown) {
    for (const dep of s.dependsOn) {
      const from = id.get(dep.service)
      if (!from) continue
      const condition = dep.condition.replace(/^service_/, '').replace('completed_successfully', 'completed')
      lines.push(`    ${from} -->|${mermaidLabel(condition, 20)}| ${id.get(s.name)!}`)
    }
  }
  lines.push('    classDef failed fill:#ffebe9,stroke:#cf222e')
  lines.push('    classDef passed fill:#dafbe1,stroke:#1a7f37')
  const failed = shown.filter(s => !s.passed).map(s => id.get(s.name)!)
  const ok = shown.filter(s => s.passed).map(s => id.get(s.name)!)
  if (failed.length > 0) lines.push(`    class ${failed.join(',')} failed`)
  if (ok.length > 0) lines.push(`    class ${ok.join(',')} passed`)
  const note =
    services.length > shown.length
      ? paragraph(`The chart shows the first ${shown.length} of ${plural(services.length, 'service')}.`)
      : ''
  return `${note}${mermaid(lines.join('\n'))}`
}

function failureDetails(services: ComposeServiceResult[]): string {
  const parts: string[] = []
  const tails = new TailsBudget(parts)
  for (const s of services.filter(s => !s.passed)) {
    const where = s.definedAt ? ` (defined at ${s.definedAt.file}:${s.definedAt.line})` : ''
    const blocks: string[] = []
    if (s.healthLog.length > 0) {
      const probes = s.healthLog.map(p => `exit ${p.exitCode}: ${p.output.trim()}`).join('\n')
      blocks.push(details(`Health log of ${truncate(s.name, 100)}${where}`, pre(probes)))
    }
    if (s.logTail.trim() !== '') blocks.push(outputBlock(s.name, s.logTail, s.logTruncated, where))
    tails.add(blocks.join(''))
  }
  if (tails.leftOut > 0) {
    parts.push(
      paragraph(
        `The logs of ${plural(tails.leftOut, 'more failed service')} are left out here; the log and the JSON report have them.`
      )
    )
  }
  return parts.join('')
}
