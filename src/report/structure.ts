// The job summary's Structure tests and Efficiency sections. Test names, errors and paths come from the
// test files and the image: every one goes through cell() (escaped, one line, bounded).
import { formatBytes, formatDuration, formatPercent, plural } from '../format.js'
import type { RunResult } from '../pipeline.js'
import { fitRows } from './budget.js'
import { cell, codeCell } from './escape.js'
import { heading, paragraph, tableRow, tableStart } from './html.js'
import { wastedChart } from './mermaid.js'

/** Per file; beyond it rows are left out with a note (the JSON report and JUnit file have them). */
const STRUCTURE_ROWS_BUDGET = 60 * 1024

/** One table per file: test, result, why. */
export function renderStructure(run: RunResult): string {
  const structure = run.structure
  if (!structure) return ''
  const parts = [heading('Structure tests', 3)]
  if (structure.files.length === 0) {
    parts.push(paragraph(structure.problems.map(p => cell(p, 500)).join('<br>')))
    return parts.join('')
  }
  parts.push(
    paragraph(`Against ${codeCell(structure.image, 150)}, in ${formatDuration(structure.durationMs)}.`)
  )
  for (const file of structure.files) {
    const failed = file.results.filter(r => !r.passed).length
    parts.push(
      paragraph(
        `${file.passed ? '✅' : '❌'} <code>${cell(file.file, 200)}</code>: ${plural(file.results.length - failed, 'test')} passed, ${failed} failed`
      )
    )
    const rows = file.results.map(r =>
      tableRow([r.passed ? '✅' : '❌', cell(r.name, 150), r.passed ? '' : cell(r.errors.join(' · '), 600)])
    )
    const fitted = fitRows(rows, STRUCTURE_ROWS_BUDGET)
    parts.push(`${tableStart(['', 'Test', 'Why'])}${fitted.rows.join('')}</table>\n`)
    if (fitted.omitted > 0) {
      parts.push(paragraph(`${plural(fitted.omitted, 'more test')} left out here; the JSON report has them.`))
    }
  }
  return parts.join('')
}

/** The score, wasted bytes, a chart of wasted bytes per layer and the largest wasted paths. */
export function renderEfficiency(run: RunResult): string {
  const e = run.efficiency
  if (!e) return ''
  const parts = [heading('Efficiency', 3)]
  if (e.efficiency === undefined) {
    parts.push(paragraph(e.problems.map(p => cell(p, 500)).join('<br>')))
    return parts.join('')
  }
  parts.push(
    paragraph(
      `${e.status === 'passed' ? '✅' : '❌'} ${codeCell(e.image, 150)}: ${formatPercent(e.efficiency)} efficient (dive's score), ${formatBytes(e.wastedBytes)} wasted of ${formatBytes(e.sizeBytes)}.`
    )
  )
  parts.push(wastedChart(e.layers, e.image))
  if (e.largest.length > 0) {
    const rows = e.largest.map(p =>
      tableRow([
        `<code>${cell(p.path, 200)}</code>`,
        formatBytes(p.wastedBytes),
        cell(
          p.layers
            .map(l => {
              const layer = e.layers[l.number - 1]
              const where = layer?.line !== undefined ? ` line ${layer.line}:` : ''
              const what = layer?.createdBy ? `${where} ${layer.createdBy}` : ''
              return `${l.number}${l.removed ? ' (removed)' : ''}${what}`
            })
            .join(' · '),
          400
        )
      ])
    )
    parts.push(`${tableStart(['Wasted path', 'Bytes', 'Layers that wrote it'])}${rows.join('')}</table>\n`)
  }
  return parts.join('')
}
