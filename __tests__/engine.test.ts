import { checkEngine, PING_TIMEOUT_MS } from '../src/engine/check.js'
import { EngineClient } from '../src/engine/client.js'
import { startEarlyPing } from '../src/engine/early-ping.js'
import { resolveEndpoint } from '../src/engine/endpoint.js'
import { parseCondition, evaluateConditions, type InfoCondition } from '../src/engine/require-info.js'
import { PreflightError } from '../src/errors.js'
import { RecordingLog } from './helpers/recording-log.js'
import { httpResponse, startFailingProxy } from './helpers/fake-engine.js'
import { startPlainFront } from './helpers/tls-front.js'

const conditions = (...lines: string[]): InfoCondition[] =>
  lines.map(line => {
    const parsed = parseCondition(line)
    if (typeof parsed === 'string') throw new Error(parsed)
    return parsed
  })

async function check(options: {
  dockerHost?: string
  minDockerVersion?: string
  minApiVersion?: string
  requireInfo?: InfoCondition[]
}) {
  const endpoint = resolveEndpoint(options.dockerHost, process.env)
  return checkEngine({
    client: new EngineClient(endpoint),
    options: { requireInfo: [], ...options },
    log: new RecordingLog()
  })
}

describe('engine check against the real engine', () => {
  test('a healthy engine: versions, info, and no failures', async () => {
    const result = await check({ minDockerVersion: '19.03', minApiVersion: '1.40' })
    expect(result.problems).toEqual([])
    expect(result.facts.serverVersion).toMatch(/^\d+\.\d+/)
    expect(result.facts.apiVersion).toMatch(/^1\.\d+$/)
    expect(result.facts.os).toBe('linux')
    expect(result.facts.info.Driver).toEqual(expect.any(String))
    expect(result.facts.clientVersion).toMatch(/^\d+\.\d+/)
  })

  test('min-docker-version above the engine names found and required', async () => {
    const result = await check({ minDockerVersion: '99.0' })
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatch(
      /Docker engine version \d+\.\d+\S* is below the required minimum 99\.0/
    )
  })

  test('min-api-version above the engine fails too', async () => {
    const result = await check({ minApiVersion: '1.99' })
    expect(result.problems[0]).toMatch(/Docker API version 1\.\d+ is below the required minimum 1\.99/)
  })

  test('require-info conditions that hold pass, and every failing one is listed', async () => {
    const passing = await check({
      requireInfo: conditions(
        'OSType=linux',
        'OSType!=windows',
        'SecurityOptions~=seccomp',
        'NCPU>=1',
        'ServerVersion>=19.03'
      )
    })
    expect(passing.problems).toEqual([])
    expect(passing.conditions.every(c => c.passed)).toBe(true)

    const failing = await check({
      requireInfo: conditions('Driver=zfs', 'NCPU>=4096', 'OSType=linux', 'SecurityOptions~=^name=selinux')
    })
    expect(failing.problems).toHaveLength(3)
    expect(failing.problems[0]).toMatch(/^require-info "Driver=zfs" failed: Driver is \S+/)
    expect(failing.problems[1]).toMatch(/^require-info "NCPU>=4096" failed: NCPU is \d+/)
    expect(failing.problems[2]).toMatch(/SecurityOptions is \[name=seccomp/)
  })

  test('an unreachable socket fails fast with one clear message', async () => {
    const started = Date.now()
    const error = await check({ dockerHost: 'unix:///run/no-such-docker.sock' }).catch(e => e)
    expect(error).toBeInstanceOf(PreflightError)
    expect(error.message).toBe(
      'Cannot use the Docker engine at unix:///run/no-such-docker.sock: the socket does not exist. Is dockerd running there? The address is set by docker-host.'
    )
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  test('a refused TCP port fails fast, naming the endpoint', async () => {
    const error = await check({ dockerHost: 'tcp://127.0.0.1:1' }).catch(e => e)
    expect(error.message).toMatch(
      /^Cannot use the Docker engine at tcp:\/\/127\.0\.0\.1:1: the connection was refused\./
    )
  })

  test('DOCKER_HOST over TCP reaches the engine (through a plain TCP front this test opens)', async () => {
    const front = await startPlainFront()
    try {
      const endpoint = resolveEndpoint(undefined, { DOCKER_HOST: front.host })
      expect(endpoint.display).toBe(front.host)
      const result = await checkEngine({
        client: new EngineClient(endpoint),
        options: { requireInfo: [] },
        log: new RecordingLog()
      })
      expect(result.facts.endpoint).toBe(front.host)
      expect(result.facts.serverVersion).toMatch(/^\d+\.\d+/)
      expect(front.connections).toBeGreaterThan(0)
    } finally {
      await front.close()
    }
  })
})

// The action's entry pings the engine before the rest of the bundle loads, and asks /version and /info
// beside the ping (src/engine/early-ping.ts); the engine check uses those replies.
describe("the entry's early ping and facts", () => {
  async function checkWithEarlyPing(proxy: { host: string }) {
    const endpoint = resolveEndpoint(proxy.host, process.env)
    const earlyPing = startEarlyPing(endpoint, PING_TIMEOUT_MS)
    const result = await checkEngine({
      client: new EngineClient(endpoint),
      options: { requireInfo: conditions('OSType=linux') },
      log: new RecordingLog(),
      earlyPing
    })
    return result
  }
  const asked = (proxy: { requests: { path: string }[] }, path: string): number =>
    proxy.requests.filter(r => r.path === path).length

  test('the engine is asked /_ping, /version and /info once each', async () => {
    const proxy = await startFailingProxy(/^$/, '')
    try {
      const result = await checkWithEarlyPing(proxy)
      expect(result.problems).toEqual([])
      expect(result.facts.serverVersion).toMatch(/^\d+\.\d+/)
      expect(result.conditions).toMatchObject([{ passed: true }])
      expect(['/_ping', '/version', '/info'].map(path => asked(proxy, path))).toEqual([1, 1, 1])
    } finally {
      await proxy.close()
    }
  })

  test('an early /version or /info that failed is asked again, and the check passes as usual', async () => {
    const proxy = await startFailingProxy(/^GET \/(version|info)$/, httpResponse(500, '{"message":"busy"}'), {
      times: 2
    })
    try {
      const result = await checkWithEarlyPing(proxy)
      expect(result.problems).toEqual([])
      expect(result.facts.apiVersion).toMatch(/^1\.\d+$/)
      expect(result.facts.info.OSType).toBe('linux')
      expect(['/_ping', '/version', '/info'].map(path => asked(proxy, path))).toEqual([1, 2, 2])
    } finally {
      await proxy.close()
    }
  })
})

describe('require-info parsing and evaluation', () => {
  test('lines that do not parse say what was expected', () => {
    expect(parseCondition('Driver overlay2')).toMatch(/expected FIELD OP VALUE/)
    expect(parseCondition('Name~=([')).toMatch(/not a valid regular expression/)
    expect(parseCondition('NCPU>=lots')).toMatch(/"lots" is not a number or a version/)
  })

  test('list fields match on any element; absent fields fail = and pass !=', () => {
    const info = { SecurityOptions: ['name=seccomp,profile=default', 'name=cgroupns'], NCPU: 2 }
    const outcomes = evaluateConditions(
      conditions('SecurityOptions~=cgroupns', 'Missing=1', 'Missing!=1', 'ncpu<3'),
      info
    )
    expect(outcomes.map(o => o.passed)).toEqual([true, false, true, true])
    expect(outcomes[1]!.actual).toBe('(absent)')
  })
})
