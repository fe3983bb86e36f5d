// The build inputs issue 12 added: secrets (masked first, never quoted), build contexts, cache-from.
import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseInputs } from '../src/inputs/parse.js'
import { formatProblem } from '../src/inputs/problems.js'

const workspace = mkdtempSync(join(tmpdir(), 'pf-build-inputs-'))
writeFileSync(join(workspace, 'token.txt'), 'from-a-file\nsecond line\n')
const env = { actions: true, workspace, tempDir: tmpdir(), runId: 'unit' }

async function parse(raw: Record<string, string>, processEnv: NodeJS.ProcessEnv = {}) {
  const masked: string[] = []
  const outcome = await parseInputs({ build: 'false', ...raw }, env, {
    mask: v => masked.push(v),
    processEnv
  })
  const problems = outcome.ok ? [] : outcome.problems.items.map(formatProblem)
  return { outcome, masked, problems }
}

describe('secret inputs', () => {
  test('the three inputs become secrets by id; every value is masked', async () => {
    const { outcome, masked } = await parse(
      { secrets: 'a=one\nb=two=with=equals', 'secret-files': 'f=token.txt', 'secret-envs': 'e=PF_VALUE' },
      { PF_VALUE: 'from-env' }
    )
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.config.build.secrets.map(s => [s.id, s.input, s.value.toString()])).toEqual([
      ['a', 'secrets', 'one'],
      ['b', 'secrets', 'two=with=equals'],
      ['f', 'secret-files', 'from-a-file\nsecond line\n'],
      ['e', 'secret-envs', 'from-env']
    ])
    for (const value of ['one', 'two=with=equals', 'from-a-file', 'second line', 'from-env'])
      expect(masked).toContain(value)
  })

  test('a bad secrets line is reported by its number, never by its text', async () => {
    const { problems, masked } = await parse({ secrets: 'fine=ok\n=leaked-value\nbad id=x' })
    expect(problems.join('\n')).not.toContain('leaked-value')
    expect(problems).toEqual([
      expect.stringContaining('Input "secrets": "line 2" is not an id=value line'),
      expect.stringContaining('Input "secrets": "line 3" is not an id=value line')
    ])
    expect(masked).toContain('leaked-value') // masked before it was looked at
  })

  test('missing files and unset variables, a repeated id, and classic with secrets', async () => {
    const { problems } = await parse({
      'secret-files': 'f=nope.txt',
      'secret-envs': 'e=PF_UNSET',
      secrets: 'a=1\na=2',
      builder: 'classic'
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /Input "secret-files": "line 1 \(id f\)" names .*nope\.txt, which cannot be read \(no such file\)/
        ),
        expect.stringContaining(
          'Input "secret-envs": "line 1 (id e)" names the environment variable PF_UNSET, which is not set'
        ),
        expect.stringContaining('gives secret id "a" a second time'),
        expect.stringContaining('Input "builder": "classic" cannot take build secrets')
      ])
    )
  })
})

describe('build-contexts and cache-from', () => {
  test('directories and images; what is not one is named', async () => {
    const ok = await parse({
      'build-contexts': 'extra=.\nbase=docker-image://alpine:3.20',
      'cache-from': 'ghcr.io/o/app:nightly, app:main'
    })
    expect(ok.outcome.ok).toBe(true)
    if (ok.outcome.ok) {
      expect(ok.outcome.config.build.buildContexts).toEqual([
        { name: 'extra', kind: 'local', source: workspace },
        { name: 'base', kind: 'image', source: 'alpine:3.20' }
      ])
      expect(ok.outcome.config.build.cacheFrom).toEqual(['ghcr.io/o/app:nightly', 'app:main'])
    }
    const bad = await parse({
      'build-contexts': 'x=missing-dir\nnoequals\ny=https://example.com/repo.git',
      'cache-from': 'Bad Ref'
    })
    expect(bad.problems).toEqual([
      expect.stringMatching(/"x=missing-dir" names .*missing-dir, which is not a directory/),
      expect.stringContaining('"noequals" is not a name=path line'),
      expect.stringContaining('uses a source this action does not support'),
      expect.stringContaining('Input "cache-from": "Bad Ref" is not a valid image reference')
    ])
  })
})
