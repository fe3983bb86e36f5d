// Build secrets through the action as the runner runs it (the bundle, INPUT_* variables): the three inputs
// reach `RUN --mount=type=secret`, and no value shows up in anything the run wrote or left on the engine.
import { afterAll, describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from './helpers/action-runner.js'
import { testClient, testDocker } from './helpers/engine.js'
import { buildImage } from '../src/build/build.js'
import { buildInput, eachEntryInImage, removeImages, suffix } from './fixtures/build-support/helpers.js'

const docker = testDocker()
const images: string[] = []
const dirs: string[] = []
afterAll(async () => {
  await removeImages(docker, images)
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Every file under `dir`, as text. */
function everyFile(dir: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) Object.assign(found, everyFile(path))
    else found[path] = readFileSync(path, 'latin1')
  }
  return found
}

/** The text of one file in an image, read from a created (never started) container. */
async function fileInImage(image: string, path: string): Promise<string> {
  let text = ''
  await eachEntryInImage(docker, image, path, (_header, body) =>
    body.on('data', (chunk: unknown) => (text += String(chunk)))
  )
  return text
}

describe('build secrets', () => {
  test('secrets, secret-files and secret-envs reach RUN --mount=type=secret; no value is anywhere the run wrote', async () => {
    const values = {
      inline: `inline-${randomBytes(12).toString('hex')}`,
      file: `file-${randomBytes(12).toString('hex')}`,
      env: `env-${randomBytes(12).toString('hex')}`
    }
    const workspace = mkdtempSync(join(tmpdir(), 'pf-secrets-'))
    dirs.push(workspace)
    writeFileSync(join(workspace, 'token.txt'), `${values.file}\n`)
    writeFileSync(
      join(workspace, 'Dockerfile'),
      [
        'FROM busybox:latest',
        // Only digests of the secrets land in the image; the build log shows them too.
        'RUN --mount=type=secret,id=inline,required=true --mount=type=secret,id=file,required=true \\',
        '    --mount=type=secret,id=env,required=true \\',
        '    for s in inline file env; do sha256sum /run/secrets/$s | cut -c1-64; done | tee /digests',
        'CMD ["cat", "/digests"]'
      ].join('\n') + '\n'
    )
    const tag = `pf-secrets/app:${suffix()}`
    images.push(tag)
    const run = await runAction(
      {
        context: workspace,
        tags: tag,
        builder: 'buildkit',
        'no-cache': 'true', // BuildKit's cache key leaves secrets out: a cached RUN would show old digests
        secrets: `inline=${values.inline}`,
        'secret-files': `file=${join(workspace, 'token.txt')}`,
        'secret-envs': 'env=PF_TEST_SECRET',
        smoke: ''
      },
      { env: { PF_TEST_SECRET: values.env }, timeoutMs: 300_000 }
    )
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['image-id']).toMatch(/^sha256:/)

    // The build really had the values: their digests are in the image.
    expect((await fileInImage(tag, '/digests')).trim().split('\n')).toEqual([
      sha256(values.inline),
      sha256(`${values.file}\n`),
      sha256(values.env)
    ])

    // Each value was masked before anything else was written (the runner hides masked values).
    const masks = run.stdout.split('\n').filter(line => line.startsWith('::add-mask::'))
    for (const value of Object.values(values)) expect(masks).toContain(`::add-mask::${value}`)

    // And no value is in anything the run wrote: the log (but for the masking commands), outputs, state,
    // summary, the JSON report and every other file in the run's directory, nor in the image's history
    // or configuration.
    const written: Record<string, string> = {
      stdout: run.stdout
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n'),
      stderr: run.stderr,
      outputs: JSON.stringify(run.outputs),
      state: JSON.stringify(run.state),
      summary: run.summary,
      ...everyFile(run.dir),
      history: JSON.stringify(await docker.getImage(tag).history()),
      inspect: JSON.stringify(await docker.getImage(tag).inspect())
    }
    // The run's directory holds the files above and the report; they were all searched.
    expect(Object.keys(written).some(path => path.endsWith('.json'))).toBe(true)
    for (const [where, text] of Object.entries(written)) {
      for (const value of Object.values(values)) {
        if (text.includes(value)) throw new Error(`the secret ${value.split('-')[0]} is in ${where}`)
      }
    }
  }, 320_000)

  test('a build asking for a secret that was not given fails with BuildKit’s message, not a hang', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'pf-secrets-'))
    dirs.push(workspace)
    writeFileSync(
      join(workspace, 'Dockerfile'),
      'FROM busybox:latest\nRUN --mount=type=secret,id=missing,required=true cat /run/secrets/missing\n'
    )
    const run = await runAction(
      { context: workspace, tags: `pf-secrets/missing:${suffix()}`, builder: 'buildkit', smoke: '[]' },
      { timeoutMs: 200_000 }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Build failed: secret missing:? not found/) // 20.10 and 28 word it slightly differently
  }, 220_000)

  test('the classic builder with secrets is one input error, before anything is created', async () => {
    const run = await runAction({ build: 'true', builder: 'classic', secrets: 'token=hunter2-not-shown' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('Input "builder": "classic" cannot take build secrets')
    expect(
      run.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
    ).not.toContain('hunter2-not-shown')
  })
})

describe('named build contexts', () => {
  test('build and run with a named context (its own .dockerignore applied) and a secret; on engines before 23, one clear error naming the version', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'pf-contexts-'))
    dirs.push(workspace)
    const extra = mkdtempSync(join(tmpdir(), 'pf-contexts-extra-'))
    dirs.push(extra)
    writeFileSync(join(extra, 'hello.txt'), 'from the named context\n')
    writeFileSync(join(extra, 'skip.txt'), 'left out by its .dockerignore\n')
    writeFileSync(join(extra, '.dockerignore'), 'skip.txt\n')
    writeFileSync(
      join(workspace, 'Dockerfile'),
      [
        'FROM busybox:latest',
        'COPY --from=extra / /extra/',
        'RUN --mount=type=secret,id=token,required=true sha256sum /run/secrets/token | cut -c1-64 > /token.sha256',
        'CMD ["cat", "/extra/hello.txt"]'
      ].join('\n') + '\n'
    )
    const secret = `named-${randomBytes(8).toString('hex')}`
    const version = (await docker.version()) as { Version: string; ApiVersion: string }
    const tag = `pf-contexts/app:${suffix()}`
    images.push(tag)
    const input = buildInput(testClient(), workspace, {
      tags: [tag],
      noCache: true,
      buildContexts: [{ name: 'extra', kind: 'local', source: extra }],
      secrets: [{ id: 'token', input: 'secrets', value: Buffer.from(secret) }]
    })
    const result = await buildImage(input)
    if (Number(version.Version.split('.')[0]) < 23) {
      expect(result.status).toBe('failed')
      expect(result.failure?.message).toBe(
        `build-contexts needs an engine whose BuildKit supports named contexts (Docker 23.0 or later); this engine is Docker ${version.Version} (API ${version.ApiVersion}), whose Dockerfile frontend refuses them (moby.buildkit.frontend.contexts).`
      )
      expect(input.log.lines.join('\n')).not.toContain('Building') // nothing was sent to the engine
      return
    }
    expect(result.failure).toBeUndefined()
    expect((await fileInImage(tag, '/token.sha256')).trim()).toBe(sha256(secret))
    expect((await fileInImage(tag, '/extra/hello.txt')).trim()).toBe('from the named context')
    await expect(fileInImage(tag, '/extra/skip.txt')).rejects.toThrow()
    // It runs.
    const container = await docker.createContainer({ Image: tag })
    try {
      await container.start()
      await container.wait()
      const logs = await container.logs({ stdout: true })
      expect(logs.toString()).toContain('from the named context')
    } finally {
      await container.remove({ force: true })
    }
    const everything = [
      JSON.stringify(result),
      input.log.lines.join('\n'),
      input.log.untrustedText.join('\n'),
      JSON.stringify(await docker.getImage(tag).history()),
      JSON.stringify(await docker.getImage(tag).inspect())
    ].join('\n')
    expect(everything).not.toContain(secret)
  }, 300_000)
})
