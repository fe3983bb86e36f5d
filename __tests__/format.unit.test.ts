// One way to print sizes, durations, ages, counts and one-line text, wherever a person reads them.
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  formatAge,
  formatBytes,
  formatCount,
  formatDuration,
  formatElapsed,
  oneLine,
  plural,
  truncate
} from '../src/format.js'
import { renderSummary } from '../src/report/summary.js'
import { renderText } from '../src/report/text.js'
import { syntheticRun } from './helpers/synthetic.js'

// 20 sizes and 20 durations: the 40 values the report and the log must print one way.
const SIZES: [number, string][] = [
  [0, '0B'],
  [1, '1B'],
  [999, '999B'],
  [1000, '1kB'],
  [1023, '1.02kB'],
  [1024, '1.02kB'],
  [1500, '1.5kB'],
  [12_000, '12kB'],
  [999_499, '999kB'],
  [999_700, '1MB'],
  [1_000_000, '1MB'],
  [1_500_000, '1.5MB'],
  [1_572_864, '1.57MB'],
  [4_261_000, '4.26MB'],
  [31_000_000, '31MB'],
  [177_800_000, '178MB'],
  [1_230_000_000, '1.23GB'],
  [5_000_000_000, '5GB'],
  [16_764_000_000, '16.8GB'],
  [2_500_000_000_000, '2.5TB']
]
const DURATIONS: [number, string][] = [
  [0, '0ms'],
  [1, '1ms'],
  [400, '400ms'],
  [650, '650ms'],
  [999, '999ms'],
  [999.6, '1000ms'],
  [1000, '1s'],
  [1049, '1s'],
  [1050, '1.1s'],
  [2000, '2s'],
  [2400, '2.4s'],
  [8400, '8.4s'],
  [19_800, '19.8s'],
  [59_949, '59.9s'],
  [59_950, '1m'],
  [60_000, '1m'],
  [90_000, '1m30s'],
  [125_400, '2m5s'],
  [3_600_000, '1h'],
  [3_930_000, '1h5m30s']
]

describe('the 40 values', () => {
  test.each(SIZES)('formatBytes(%p) is %p', (n, text) => expect(formatBytes(n)).toBe(text))
  test.each(DURATIONS)('formatDuration(%p) is %p', (ms, text) => expect(formatDuration(ms)).toBe(text))

  test('the summary and the text report print each of them the same way', () => {
    const run = syntheticRun(SIZES.length, { smoke: DURATIONS.length })
    run.inventory!.images.forEach((image, i) => (image.sizeBytes = SIZES[i]![0]))
    run.smoke!.results.forEach((result, i) => (result.durationMs = DURATIONS[i]![0]))
    const summary = renderSummary(run)
    const text = renderText(run)
    const textRows = text.split('\n')
    for (const [i, image] of run.inventory!.images.entries()) {
      const size = SIZES[i]![1]
      expect(summary).toContain(`<code>${image.shortId}</code></td><td>${size}</td>`)
      expect(textRows.some(row => row.includes(image.shortId) && new RegExp(`\\s${size}\\s`).test(row))).toBe(
        true
      )
    }
    for (const [i, result] of run.smoke!.results.entries()) {
      const took = DURATIONS[i]![1]
      const exit = String(result.exitCode)
      expect(summary).toContain(`</code></td><td>${exit}</td><td>${took}</td>`)
      expect(textRows.some(row => row.includes(` ${result.name} `) && row.includes(` ${took} `))).toBe(true)
    }
  })
})

test('no module formats a number by hand: sizes and durations go through src/format.ts', () => {
  const offenders: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (path.endsWith('.ts') && path !== join('src', 'format.ts')) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/\.toFixed\(|\.toPrecision\(|toLocaleString\(/.test(line))
              offenders.push(`${path}:${i + 1}: ${line.trim()}`)
          })
      }
    }
  }
  walk('src')
  expect(offenders).toEqual([])
})

test('ages, elapsed time, plurals, one-line text', () => {
  expect(formatAge(40_000)).toBe('40s')
  expect(formatAge(5 * 60_000)).toBe('5m')
  expect(formatAge(2 * 3600_000 + 5 * 60_000)).toBe('2h5m')
  expect(formatAge(3 * 86_400_000 + 4 * 3600_000)).toBe('3d4h')
  expect(formatElapsed(0)).toBe('0s')
  expect(formatElapsed(65_900)).toBe('1m5s')
  expect(plural(1, 'file')).toBe('1 file')
  expect(plural(1024, 'layer')).toBe('1,024 layers')
  // Written without Intl, exactly as toLocaleString('en-US') writes them (rounding included).
  for (const n of [
    0,
    -0,
    7,
    -12,
    999,
    1000,
    1234567,
    1e20,
    0.5,
    1.2345,
    1.0005,
    -1234.5678,
    999.9995,
    0.0004,
    NaN
  ])
    expect(formatCount(n)).toBe(n.toLocaleString('en-US'))
  expect(truncate('abcdef', 4)).toBe('abc…')
  // The daemon wraps its warnings over indented lines.
  expect(oneLine('WARNING: bridge-nf-call-iptables is disabled\n         Hint: load br_netfilter\n')).toBe(
    'WARNING: bridge-nf-call-iptables is disabled Hint: load br_netfilter'
  )
  expect(oneLine('a\n  b c d', 5)).toBe('a b …')
})
