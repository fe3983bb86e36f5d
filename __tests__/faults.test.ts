import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionRun } from './helpers/action-runner.js'
import {
  httpResponse,
  pingThen,
  startFailingProxy,
  startFakeEngine,
  truncatedChunked,
  type FakeEngine,
  type FakeReply,
  type FakeRequest
} from './helpers/fake-engine.js'

// Faults a user meets on a self-hosted runner, each through a real socket and the bundled action: what
// they must see is one clear error line, a non-zero exit, no stack trace, and an answer in bounded time.

/** The ::error:: lines of the step (the annotations a user sees on the run). */
function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter(line => line.startsWith('::error'))
}

function expectCleanFailure(run: ActionRun, message: RegExp): void {
  expect(run.exitCode).toBe(1)
  expect(errorLines(run)).toEqual([expect.stringMatching(message)])
  // No stack trace anywhere: not in the annotation, the log, nor on stderr.
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\n\s+at \S|Unexpected error|TypeError|ReferenceError/)
}

async function timed(fn: () => Promise<ActionRun>): Promise<ActionRun & { ms: number }> {
  const started = Date.now()
  const run = await fn()
  return { ...run, ms: Date.now() - started }
}

describe('an engine that cannot be reached fails within 10 s with a clear message', () => {
  test('a socket that does not exist', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'preflight-nosock-')), 'docker.sock')
    const run = await timed(() => runAction({ build: 'false', 'docker-host': `unix://${missing}` }))
    expectCleanFailure(
      run,
      /^::error::Cannot use the Docker engine at unix:\/\/.*: the socket does not exist\. /
    )
    expect(run.ms).toBeLessThan(10_000)
  })

  test('a refused TCP connection, from DOCKER_HOST', async () => {
    const run = await timed(() =>
      runAction({ build: 'false' }, { env: { DOCKER_HOST: 'tcp://127.0.0.1:1' } })
    )
    expectCleanFailure(
      run,
      /^::error::Cannot use the Docker engine at tcp:\/\/127\.0\.0\.1:1: the connection was refused/
    )
    expect(run.ms).toBeLessThan(10_000)
  })

  test('a host name that does not resolve', async () => {
    const run = await timed(() =>
      runAction({ build: 'false', 'docker-host': 'tcp://preflight-no-such-host.invalid:2375' })
    )
    expectCleanFailure(
      run,
      /^::error::Cannot use the Docker engine at tcp:\/\/preflight-no-such-host\.invalid:2375: the host name does not resolve/
    )
    expect(run.ms).toBeLessThan(10_000)
  })
})

// Concurrent: three of these wait out a timeout on purpose.
describe('a fake engine on a real socket', () => {
  async function runAgainst(reply: (request: FakeRequest) => FakeReply) {
    const engine: FakeEngine = await startFakeEngine(reply)
    try {
      const run = await timed(() =>
        runAction({ build: 'false', 'docker-host': engine.host }, { timeoutMs: 60_000 })
      )
      return { ...run, requests: engine.requests }
    } finally {
      await engine.close()
    }
  }

  test.concurrent('accepts connections and never answers: a timeout message, never a hang', async () => {
    const run = await runAgainst(() => 'silent')
    expectCleanFailure(
      run,
      /^::error::Cannot use the Docker engine at unix:\/\/.*: it did not answer \(ping\) in time\./
    )
    expect(run.ms).toBeLessThan(15_000) // the ping timeout is 8 s
    // /version and /info go beside the ping (src/engine/early-ping.ts); nothing follows an unanswered ping.
    expect(run.requests.map(r => r.path).sort()).toEqual(['/_ping', '/info', '/version'])
  })

  test.concurrent(
    'answers the ping, then never answers /version: a timeout message naming what it was doing',
    async () => {
      const run = await runAgainst(pingThen(() => 'silent'))
      expectCleanFailure(run, /it did not answer \(reading \/version and \/info\) in time\./)
      expect(run.ms).toBeLessThan(25_000)
    },
    60_000
  )

  test.concurrent('answers /version with something that is not JSON', async () => {
    const run = await runAgainst(
      pingThen(() => ({ raw: httpResponse(200, '<html>proxy login</html>', 'text/html') }))
    )
    expectCleanFailure(
      run,
      /its reply to \/(version|info) is not JSON \(it starts "<html>proxy login<\/html>"\)\. Is this address really a Docker engine\?$/
    )
  })

  test.concurrent('answers /version with an empty body', async () => {
    const run = await runAgainst(pingThen(() => ({ raw: httpResponse(200, '') })))
    expectCleanFailure(run, /its reply to \/(version|info) is not JSON/)
  })

  test.concurrent(
    'cuts a chunked reply short and closes the connection: the connection was lost',
    async () => {
      const run = await runAgainst(pingThen(() => ({ raw: truncatedChunked(200, '{"Version": "20.') })))
      expectCleanFailure(
        run,
        /^::error::the connection to the Docker engine was lost while reading \/(version|info) \(did the Docker daemon stop or restart\?\)$/
      )
      expect(run.ms).toBeLessThan(10_000)
    }
  )

  test.concurrent(
    'cuts a chunked reply short and keeps the connection open: the facts timeout ends it',
    async () => {
      const run = await runAgainst(
        pingThen(() => ({ raw: truncatedChunked(200, '{"Version": "20.'), then: 'hang' }))
      )
      expectCleanFailure(run, /it did not answer \(reading \/version and \/info\) in time\./)
      expect(run.ms).toBeLessThan(25_000)
    },
    60_000
  )

  test.concurrent(
    'answers with an HTTP error: the engine’s own message, and no guess about dockerd not running',
    async () => {
      const run = await runAgainst(
        pingThen(() => ({ raw: httpResponse(500, '{"message":"layer store is corrupt"}') }))
      )
      expectCleanFailure(
        run,
        /it answered HTTP 500 \(reading \/version and \/info\): layer store is corrupt\. Check the engine's logs\.$/
      )
    }
  )

  test.concurrent('answers the ping with HTTP 503', async () => {
    const run = await runAgainst(() => ({ raw: httpResponse(503, 'starting', 'text/plain') }))
    expectCleanFailure(run, /it answered HTTP 503 \(ping\)\. Check the engine's logs\.$/)
  })
})

describe('the post step never hangs on a bad engine', () => {
  test('an engine that never answers: the post step ends with a warning, not a failure', async () => {
    const engine = await startFakeEngine(() => 'silent')
    try {
      const run = await timed(() =>
        runAction(
          {},
          {
            state: {
              phase: 'main',
              'run-id': 'faults-post-test',
              config: JSON.stringify({ cleanupImages: true, dockerHost: engine.host, summary: true })
            },
            timeoutMs: 60_000
          }
        )
      )
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(
        /^::warning::Cleanup: Cannot use the Docker engine at unix:\/\/.*: it did not answer \(cleanup\) in time\./m
      )
      expect(run.stdout).not.toContain('Nothing of this run was left')
      expect(run.ms).toBeLessThan(40_000)
    } finally {
      await engine.close()
    }
  }, 60_000)
})

describe('a real engine that fails one call', () => {
  test('/system/df answers HTTP 500 with disk-usage on: a warning, and the run goes on to its report', async () => {
    const proxy = await startFailingProxy(
      /\/system\/df/,
      httpResponse(500, JSON.stringify({ message: 'disk use is not available' }))
    )
    try {
      const run = await runAction({
        build: 'false',
        smoke: '[]',
        'disk-usage': 'true',
        'docker-host': proxy.host
      })
      expect(run.exitCode).toBe(0)
      expect(proxy.requests.map(r => r.path)).toContain('/system/df')
      expect(run.stdout).toMatch(
        /^::warning::Could not read the engine's disk use: disk use is not available$/m
      )
      expect(run.outputs['report']).toBeDefined()
      expect(run.summary).toContain('<h3>Engine</h3>')
    } finally {
      await proxy.close()
    }
  })
})
