import { parseInputs } from '../src/inputs/parse.js'
import { formatProblem } from '../src/inputs/problems.js'
import { testEnvironment } from './helpers/engine.js'

describe('push inputs are checked before anything is built', () => {
  const parse = async (raw: Record<string, string>) => {
    const outcome = await parseInputs({ build: 'false', ...raw }, testEnvironment(), {
      processEnv: process.env
    })
    return outcome.ok ? [] : outcome.problems.items.map(formatProblem)
  }

  test('push: true needs tags, and tags a user can push to', async () => {
    expect(await parse({ push: 'true', build: 'auto', context: '__tests__/fixtures/hello-app' })).toEqual([
      'Input "push": "true" needs `tags` naming where to push (e.g. ghcr.io/owner/app:1.0)'
    ])
    expect(
      await parse({ push: 'true', build: 'auto', context: '__tests__/fixtures/hello-app', tags: 'app:1' })
    ).toEqual([
      `Input "tags": "app:1" cannot be pushed: it names Docker Hub's official images (docker.io/library/app); name a registry (ghcr.io/owner/app) or a Docker Hub account (account/app)`
    ])
    expect(await parse({ push: 'true', tags: 'ghcr.io/o/app:1' })).toEqual([
      'Input "push": "true" needs a build, and build is false'
    ])
    expect(
      await parse({
        push: 'true',
        build: 'auto',
        context: '__tests__/fixtures/hello-app',
        tags: 'ghcr.io/o/app:1,me/app:2'
      })
    ).toEqual([])
  })
})
