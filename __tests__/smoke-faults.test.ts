// Engine faults the real engine cannot produce on demand, through a real socket: a fake engine that
// drops the wait connection (the daemon died), one that never answers (stalled), and malformed pulls.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EngineClient } from '../src/engine/client.js'
import { resolveEndpoint } from '../src/engine/endpoint.js'
import { runLabels } from '../src/labels.js'
import { runSmoke, type SmokeResult } from '../src/smoke/run.js'
import type { SmokeSpec } from '../src/smoke/spec.js'
import { testEnvironment } from './helpers/engine.js'
import { RecordingLog } from './helpers/recording-log.js'

type Handler = (req: IncomingMessage, res: ServerResponse) => boolean

/** A fake engine on a unix socket: `override` answers first, then the well-behaved defaults. */
async function fakeEngine(
  override: Handler
): Promise<{ client: EngineClient; calls: string[]; close(): Promise<void> }> {
  const socketPath = join(mkdtempSync(join(tmpdir(), 'fake-engine-')), 'docker.sock')
  const calls: string[] = []
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!
    calls.push(`${req.method} ${path}`)
    if (override(req, res)) return
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (path === '/images/busybox/json') return json(200, { Id: 'sha256:' + 'a'.repeat(64), Config: {} })
    if (path === '/containers/create') return json(201, { Id: 'c0ffee' })
    if (path === '/containers/c0ffee/start') return void res.writeHead(204).end()
    if (path === '/containers/c0ffee/logs') return void res.writeHead(200).end()
    if (path === '/containers/c0ffee/json') {
      return json(200, {
        Created: '2024-01-01T00:00:00Z',
        Path: 'sleep',
        Args: ['1'],
        NetworkSettings: { Ports: {} }
      })
    }
    if (path === '/containers/c0ffee' && req.method === 'DELETE') return void res.writeHead(204).end()
    json(404, { message: `fake engine: no route ${path}` })
  })
  await new Promise<void>(resolve => server.listen(socketPath, resolve))
  return {
    client: new EngineClient(resolveEndpoint(`unix://${socketPath}`, process.env)),
    calls,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

async function smokeOn(client: EngineClient, spec: Partial<SmokeSpec> = {}): Promise<SmokeResult> {
  const env = testEnvironment()
  return runSmoke({
    client,
    options: {
      entries: [
        { name: 'victim', image: 'busybox', env: {}, ports: [], expectExitCode: 0, timeoutMs: 5000, ...spec }
      ],
      timeoutMs: 5000,
      parallel: 1,
      pullPolicy: 'missing',
      cleanup: true
    },
    env,
    log: new RecordingLog(),
    labels: runLabels(env.runId, 'smoke')
  })
}

describe('smoke stage on a faulty engine', () => {
  test('the engine dies mid-wait: the container fails with a clear reason (never a silent pass or a hang)', async () => {
    const engine = await fakeEngine((req, res) => {
      if (!req.url?.startsWith('/containers/c0ffee/wait')) return false
      // Headers first (the wait is registered), then the daemon "dies".
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.flushHeaders()
      setTimeout(() => res.socket?.destroy(), 200)
      return true
    })
    try {
      const smoke = await smokeOn(engine.client)
      expect(smoke.passed).toBe(false)
      expect(smoke.results[0]!.reason).toBe(
        'the connection to the Docker engine was lost while waiting for the container to exit (did the Docker daemon stop or restart?)'
      )
      expect(engine.calls).toContain('DELETE /containers/c0ffee')
    } finally {
      await engine.close()
    }
  })

  test('a wait that ends without an exit status is an error too', async () => {
    const engine = await fakeEngine((req, res) => {
      if (!req.url?.startsWith('/containers/c0ffee/wait')) return false
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('')
      return true
    })
    try {
      const smoke = await smokeOn(engine.client)
      expect(smoke.results[0]!.reason).toBe(
        'the connection to the Docker engine was lost while waiting for the container to exit, without an exit status (did the Docker daemon stop or restart?)'
      )
    } finally {
      await engine.close()
    }
  })

  test('an engine that stops answering: the entry times out and names the step it was on', async () => {
    const engine = await fakeEngine(req => req.url?.startsWith('/containers/create') ?? false)
    try {
      const started = Date.now()
      const smoke = await smokeOn(engine.client, { timeoutMs: 1000 })
      expect(smoke.results[0]).toMatchObject({
        passed: false,
        reason: 'timed out after 1s creating the container'
      })
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      await engine.close()
    }
  })

  test('a malformed pull stream fails the entry with a clear reason', async () => {
    const engine = await fakeEngine((req, res) => {
      const path = (req.url ?? '').split('?')[0]
      if (path === '/images/busybox/json') {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"message":"No such image: busybox"}')
        return true
      }
      if (path === '/images/create') {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end('{"status":"Pulling from library/busybox"}\n{not json\n')
        return true
      }
      return false
    })
    try {
      const smoke = await smokeOn(engine.client)
      expect(smoke.results[0]!.reason).toBe(
        'image "busybox" could not be pulled: the engine sent a malformed progress line'
      )
    } finally {
      await engine.close()
    }
  })

  test('a pull stream that reports an error', async () => {
    const engine = await fakeEngine((req, res) => {
      const path = (req.url ?? '').split('?')[0]
      if (path === '/images/busybox/json') {
        res.writeHead(404).end('{"message":"No such image: busybox"}')
        return true
      }
      if (path === '/images/create') {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(
          '{"errorDetail":{"message":"toomanyrequests: rate limit"},"error":"toomanyrequests: rate limit"}\n'
        )
        return true
      }
      return false
    })
    try {
      const smoke = await smokeOn(engine.client)
      expect(smoke.results[0]!.reason).toBe(
        'image "busybox" could not be pulled: toomanyrequests: rate limit'
      )
    } finally {
      await engine.close()
    }
  })
})
