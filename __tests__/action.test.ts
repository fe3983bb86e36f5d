import { runAction } from './helpers/action-runner.js'

// The bundled dist/index.js, run the way the runner runs it. `npm run bundle` must have been run
// (.ci/run does, and check-dist keeps the committed dist/ in step with src/).

describe('dist/index.js as the runner runs it', () => {
  test('a healthy engine: outputs, state for the post step, and the Engine summary', async () => {
    const run = await runAction({
      build: 'false',
      'min-docker-version': '19.03',
      'require-info': 'OSType=linux'
    })
    expect(run.stderr).not.toMatch(/ReferenceError|__dirname/)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['docker-version']).toMatch(/^\d+\.\d+/)
    expect(run.outputs['api-version']).toMatch(/^1\.\d+$/)
    expect(run.outputs['client-version']).toMatch(/^\d+\.\d+/)
    expect(JSON.parse(run.outputs['info']!).OSType).toBe('linux')
    expect(run.state['phase']).toBe('main')
    expect(run.state['run-id']).toMatch(/^42-1-[0-9a-f]{8}$/)
    expect(run.summary).toContain('<h3>Engine</h3>')
    expect(run.summary).toContain('<th>Fact</th>')
    expect(run.summary).toMatch(/<td>Storage driver<\/td><td>\w+<\/td>/)
    expect(run.summary).toContain('<code>OSType=linux</code>')
    expect(run.stdout).toContain('::group::Engine')
  })

  test('an engine below min-docker-version fails the step, saying found and required', async () => {
    const run = await runAction({ build: 'false', 'min-docker-version': '99.1' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Docker engine version \d+\.\d+\S* is below the required minimum 99\.1/
    )
    expect(run.summary).toContain('❌ docker-preflight failed')
  })

  test('an unreachable engine fails within 10 s with one clear message and no stack trace', async () => {
    const started = Date.now()
    const run = await runAction({ build: 'false', 'docker-host': 'tcp://127.0.0.1:1' })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toEqual([
      '::error::Cannot use the Docker engine at tcp://127.0.0.1:1: the connection was refused. Is dockerd running? Check DOCKER_HOST or the docker-host input.'
    ])
    expect(run.stdout).not.toMatch(/\n\s+at /)
  })
})
