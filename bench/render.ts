import { buildReport } from '../src/report/json.js'
import { renderSummary } from '../src/report/summary.js'
import { renderText } from '../src/report/text.js'
import { syntheticRun } from '../__tests__/helpers/synthetic.js'
import { median, type Figure } from './util.js'

/** 5. The summary, the JSON report and the text report for 1,000 images and 1,000 containers. */
export async function renderCase(): Promise<Figure> {
  const run = syntheticRun(1000)
  const env = { actions: true, workspace: '/w', tempDir: '/tmp', runId: 'bench' }
  const once = (): { ms: number; bytes: number; jsonBytes: number; textBytes: number } => {
    const started = performance.now()
    const summary = renderSummary(run)
    const json = JSON.stringify(buildReport(run, env))
    const text = renderText(run)
    const ms = performance.now() - started
    return { ms, bytes: Buffer.byteLength(summary), jsonBytes: json.length, textBytes: text.length }
  }
  for (let i = 0; i < 3; i++) once()
  const samples = Array.from({ length: 15 }, once)
  const ms = median(samples.map(s => s.ms))
  return {
    name: 'render summary + JSON + text, 1,000 images and 1,000 containers',
    value: ms,
    unit: 'ms',
    target: '≤ 100 ms',
    met: ms <= 100,
    detail: `median of 15; summary ${(samples[0]!.bytes / 1024).toFixed(0)} KiB, JSON ${(samples[0]!.jsonBytes / 1024).toFixed(0)} KiB, text ${(samples[0]!.textBytes / 1024).toFixed(0)} KiB`
  }
}
