import { readFileSync } from 'node:fs'
import YAML from 'yaml'
import { INPUTS, OUTPUTS } from '../src/inputs/definitions.js'

interface ActionYaml {
  runs: { using: string; main: string; post: string }
  inputs: Record<string, { description: string; default: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

const action = YAML.parse(readFileSync('action.yml', 'utf8')) as ActionYaml

describe('action.yml and src/inputs/definitions.ts say the same', () => {
  test('runs on node24 with a post step', () => {
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' })
  })

  test('every input, with the same description and default', () => {
    const expected = Object.fromEntries(
      INPUTS.filter(i => !i.cliOnly).map(i => [
        i.name,
        { description: i.description, default: i.default, required: false }
      ])
    )
    expect(action.inputs).toEqual(expected)
  })

  test('every output, with the same description', () => {
    expect(action.outputs).toEqual(
      Object.fromEntries(OUTPUTS.map(o => [o.name, { description: o.description }]))
    )
  })
})
