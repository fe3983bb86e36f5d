import { existsSync, readFileSync } from 'node:fs'
import YAML from 'yaml'
import { DRIFT_FIELDS } from '../src/audit/fields.js'

// The README teaches the inputs, outputs and drift fields; these tests keep its tables in step with
// action.yml and src/audit/fields.ts, so a new input cannot ship undocumented.

interface ActionYaml {
  inputs: Record<string, { default?: string | number | boolean }>
  outputs: Record<string, unknown>
}

const readme = readFileSync('README.md', 'utf8')
const action = YAML.parse(readFileSync('action.yml', 'utf8')) as ActionYaml

/** The rows of the first table after a `## heading` (or a marker line): first cells and second cells. */
function tableAfter(marker: RegExp): string[][] {
  const lines = readme.split('\n')
  const start = lines.findIndex(l => marker.test(l))
  if (start < 0) throw new Error(`README has no ${String(marker)}`)
  const rows: string[][] = []
  let inTable = false
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) {
      inTable = true
      rows.push(
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map(cell => cell.trim())
      )
    } else if (inTable) break
    else if (/^#{1,3} /.test(line)) break
  }
  if (rows.length < 3) throw new Error(`README table after ${String(marker)} is empty`)
  return rows.slice(2) // header and rule
}

const code = (cell: string): string => cell.replace(/^`(.*)`$/, '$1')

test('the inputs table lists exactly the inputs of action.yml, with the same defaults', () => {
  const rows = tableAfter(/^## Inputs$/)
  const documented = Object.fromEntries(rows.map(([name, def]) => [code(name!), code(def!)]))
  const expected = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, String(input.default ?? '')])
  )
  expect(documented).toEqual(expected)
  expect(rows).toHaveLength(Object.keys(action.inputs).length) // no input listed twice
})

test('the outputs table lists exactly the outputs of action.yml', () => {
  const names = tableAfter(/^## Outputs$/).map(([name]) => code(name!))
  expect([...names].sort()).toEqual(Object.keys(action.outputs).sort())
  expect(names).toHaveLength(Object.keys(action.outputs).length)
})

test('the drift table lists every drift field, and marks exactly the security ones', () => {
  const rows = tableAfter(/^<!-- drift-fields:/)
  expect(rows.map(([name, group, security]) => [code(name!), group, security === 'yes'])).toEqual(
    DRIFT_FIELDS.map(f => [f.name, f.group, f.security])
  )
})

test('the files the README links to exist', () => {
  const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)]+)\)/g)].map(m => m[1]!)
  expect(links.length).toBeGreaterThan(0)
  for (const link of links) expect([link, existsSync(link)]).toEqual([link, true])
})

test('the quick start is the two commands, and they exist in package.json', () => {
  expect(readme).toContain('npm ci && npm start')
  expect(readme).toContain('npm ci && npm test')
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
    .scripts
  // Both bring the engine up and point the command at it (PREFLIGHT_ENGINE picks which).
  expect(scripts.start).toContain('engine.sh run -- node dist/cli.js')
  expect(scripts.test).toContain('engine.sh run -- jest')
})
