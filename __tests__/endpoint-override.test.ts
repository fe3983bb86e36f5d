import { randomBytes } from 'node:crypto'
import { cleanupRun } from '../src/cleanup/cleanup.js'
import { runAction } from './helpers/action-runner.js'
import { testClient } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'
import { engineSocket, startCountingListener } from './helpers/tls-front.js'

// The worst case: the log names one engine and the requests go to another. docker-modem reads
// DOCKER_HOST (and its TLS, timeout and path-prefix variables) into its defaults, and its `host` used to
// beat our `socketPath`. Here every one of those variables points elsewhere or would break a request,
// and a listener at the DOCKER_HOST address counts who connects, through main and the post step.

describe('docker-host set and a different DOCKER_HOST in the environment', () => {
  const client = testClient()
  const runIds: string[] = []
  afterAll(async () => {
    for (const runId of runIds)
      await cleanupRun({ client, runId, removeImages: true, log: new RecordingLog() })
  })

  test('no request reaches the DOCKER_HOST endpoint: build, smoke, report and post-step cleanup', async () => {
    const listener = await startCountingListener()
    try {
      const engine = `unix://${engineSocket()}`
      const env: NodeJS.ProcessEnv = {
        DOCKER_HOST: listener.host,
        // docker-modem would read these too: TLS with files that do not exist (a crash at construction),
        // a 1 ms timeout and a path prefix (every request broken), a context that does not exist.
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: '/nonexistent/preflight-certs',
        DOCKER_CLIENT_TIMEOUT: '1',
        DOCKER_PATH_PREFIX: '/nowhere/',
        DOCKER_CONTEXT: 'no-such-context'
      }
      const tag = `preflight-endpoint-test/override:${randomBytes(4).toString('hex')}`
      const run = await runAction(
        { context: '__tests__/fixtures/hello-app', tags: tag, 'docker-host': engine, cleanup: 'false' },
        { env }
      )
      if (run.state['run-id']) runIds.push(run.state['run-id'])
      expect(run.stdout).not.toMatch(/::error::/)
      expect(run.exitCode).toBe(0)
      expect(run.outputs['smoke-passed']).toBe('true')
      expect(run.stdout).toContain(`Endpoint:        ${engine}, from docker-host`)
      expect(run.stdout).toContain(
        '::warning::docker-host overrides the docker context `no-such-context` (DOCKER_CONTEXT).'
      )

      // cleanup: false left the smoke containers for the post step, which removes them the same way.
      const post = await runAction({ 'docker-host': engine }, { env, state: run.state })
      expect(post.exitCode).toBe(0)
      expect(post.stdout).toMatch(/Removed container /)
      expect(post.stdout).not.toMatch(/::warning::Cleanup/)

      expect(listener.connections).toBe(0)
      expect(listener.bytes).toBe(0)
    } finally {
      await listener.close()
    }
  })

  test('DEBUG=* does not make docker-modem print requests and replies (registry credentials) to the log', async () => {
    const run = await runAction({ build: 'false' }, { env: { DEBUG: '*' } })
    if (run.state['run-id']) runIds.push(run.state['run-id'])
    expect(run.exitCode).toBe(0)
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/modem (Sending|Received)/)
  })

  test('the listener does count: without docker-host, the same environment goes to DOCKER_HOST', async () => {
    const listener = await startCountingListener()
    try {
      const run = await runAction({ build: 'false' }, { env: { DOCKER_HOST: listener.host } })
      expect(run.exitCode).toBe(1)
      expect(listener.connections).toBeGreaterThan(0)
      expect(run.stdout).toMatch(
        /::error::Cannot use the Docker engine at tcp:\/\/127\.0\.0\.1:\d+: .*The address comes from DOCKER_HOST\./
      )
    } finally {
      await listener.close()
    }
  })
})
