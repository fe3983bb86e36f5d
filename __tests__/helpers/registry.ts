import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'

// Real registries for the push tests: Debian's docker-registry (installed by scripts/engine.sh), each with
// its own storage, port and config, made here. With `tls`, the test makes a CA with openssl, signs the
// registry's certificate with it, and (with `trust`) puts the CA where the engine reads it per request:
// /etc/docker/certs.d/<host:port>/ca.crt (no daemon restart; measured on 20.10). `stop` removes that too.
//
// A TLS registry listens on this host's first non-loopback IPv4 address, not on 127.0.0.1: the engine
// treats 127.0.0.0/8 as an insecure registry (InsecureRegistryCIDRs), skips certificate checks and falls
// back to plain HTTP there, so a CA problem could not show.

export const CERTS_D = '/etc/docker/certs.d'

/** Every manifest type the registry may hold, so it answers with the one it stored (not a conversion). */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

export interface RegistryOptions {
  tls?: boolean
  /** Put the CA in certs.d for the engine (default: true with tls). */
  trust?: boolean
  auth?: { user: string; password: string }
}

export interface TestRegistry {
  /** host:port, as a tag names it. */
  address: string
  dir: string
  caFile?: string
  /** Repositories, from /v2/_catalog. */
  catalog(): Promise<string[]>
  /** Tags of one repository ([] when it does not exist). */
  tags(repository: string): Promise<string[]>
  /** Docker-Content-Digest of HEAD and sha256 of GET's body, for one tag. */
  manifest(repository: string, tag: string): Promise<{ head?: string; body?: string; type?: string }>
  /** Everything: repository → sorted tags → digest. */
  snapshot(): Promise<Record<string, Record<string, string | undefined>>>
  stop(): Promise<void>
}

/** This host's first non-internal IPv4 address: one the engine does not treat as insecure. */
export function hostAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  throw new Error('no non-loopback IPv4 address on this host for a TLS registry')
}

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort(host: string): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, host, resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  const host = options.tls ? hostAddress() : '127.0.0.1'
  const port = await freePort(host)
  const address = `${host}:${port}`
  const dir = mkdtempSync(join(tmpdir(), 'preflight-registry-'))
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${dir}/data`
  ]
  lines.push('  delete:', '    enabled: true', 'http:', `  addr: ${address}`)
  let caFile: string | undefined
  let ca: Buffer | undefined
  if (options.tls) {
    caFile = makeCertificates(dir, host)
    ca = readFileSync(caFile)
    lines.push('  tls:', `    certificate: ${dir}/server.crt`, `    key: ${dir}/server.key`)
  }
  if (options.auth) {
    // The registry takes bcrypt only: htpasswd -B (apache2-utils, installed by scripts/engine.sh). The
    // password goes on stdin (-i), not on a command line other processes could read.
    execFileSync('htpasswd', ['-c', '-i', '-B', '-C', '8', join(dir, 'htpasswd'), options.auth.user], {
      input: options.auth.password,
      stdio: ['pipe', 'ignore', 'pipe']
    })
    lines.push('auth:', '  htpasswd:', '    realm: preflight-test', `    path: ${dir}/htpasswd`)
  }
  writeFileSync(join(dir, 'config.yml'), `${lines.join('\n')}\n`)
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', d => (stderr += d))
  const trusted = options.tls && options.trust !== false
  if (trusted) {
    mkdirSync(join(CERTS_D, address), { recursive: true })
    writeFileSync(join(CERTS_D, address, 'ca.crt'), ca!)
  }

  const scheme = options.tls ? 'https' : 'http'
  const authHeader = options.auth
    ? `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`
    : undefined
  const request = (method: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const lib = options.tls ? https : http
      const req = lib.request(
        `${scheme}://${address}${path}`,
        { method, headers: { ...headers, ...(authHeader ? { Authorization: authHeader } : {}) }, ca },
        res => {
          const chunks: Buffer[] = []
          res.on('data', c => chunks.push(c as Buffer))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
          )
        }
      )
      req.on('error', reject)
      req.end()
    })

  const deadline = Date.now() + 15_000
  for (;;) {
    const answer = await request('GET', '/v2/').catch(() => undefined)
    if (answer && (answer.status === 200 || answer.status === 401)) break
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill()
      throw new Error(`docker-registry on ${address} did not start: ${stderr}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }

  const registry: TestRegistry = {
    address,
    dir,
    caFile,
    catalog: async () => {
      const answer = await request('GET', '/v2/_catalog')
      return (JSON.parse(answer.body.toString()) as { repositories: string[] }).repositories ?? []
    },
    tags: async repository => {
      const answer = await request('GET', `/v2/${repository}/tags/list`)
      if (answer.status === 404) return []
      return ((JSON.parse(answer.body.toString()) as { tags: string[] | null }).tags ?? []).sort()
    },
    manifest: async (repository, tag) => {
      const head = await request('HEAD', `/v2/${repository}/manifests/${tag}`, { Accept: MANIFEST_ACCEPT })
      const get = await request('GET', `/v2/${repository}/manifests/${tag}`, { Accept: MANIFEST_ACCEPT })
      return {
        head: head.status === 200 ? String(head.headers['docker-content-digest']) : undefined,
        body:
          get.status === 200 ? `sha256:${createHash('sha256').update(get.body).digest('hex')}` : undefined,
        type: get.headers['content-type']
      }
    },
    snapshot: async () => {
      const result: Record<string, Record<string, string | undefined>> = {}
      for (const repository of await registry.catalog()) {
        result[repository] = {}
        for (const tag of await registry.tags(repository)) {
          result[repository][tag] = (await registry.manifest(repository, tag)).head
        }
      }
      return result
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve))
        child.kill()
        await exited
      }
      if (trusted) rmSync(join(CERTS_D, address), { recursive: true, force: true })
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return registry
}

/** A CA, and a server certificate for `ip` signed by it; returns the CA's path. */
function makeCertificates(dir: string, ip: string): string {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' })
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=docker-preflight test CA'
  ])
  run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    `/CN=${ip}`
  ])
  writeFileSync(join(dir, 'san.cnf'), `subjectAltName=IP:${ip}\n`)
  run([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '2',
    '-extfile',
    'san.cnf'
  ])
  return join(dir, 'ca.crt')
}

export interface FaultyProxy {
  address: string
  /** Blob-upload requests seen, and how many were failed. */
  uploads: number
  failed: number
  /** When the engine closed the connection of a late ('slow') request. */
  heldClosedAt?: number
  /** `uploads` at that moment: what came later, the engine sent after it gave up the upload. */
  uploadsWhenHeldClosed?: number
  stop(): Promise<void>
}

/**
 * A plain-HTTP proxy on 127.0.0.1 in front of a plain registry. `fault` decides what happens to the n-th
 * blob upload request (PATCH/PUT under /blobs/uploads/): pass it on, answer 500 as a full disk would, drop
 * the connection, or pass it on 3 s late (a cancel then lands in the middle of it).
 */
export async function startFaultyProxy(
  upstream: string,
  fault: (n: number) => 'pass' | '500' | 'drop' | 'slow'
): Promise<FaultyProxy> {
  const sockets = new Set<net.Socket>()
  const state: FaultyProxy = { address: '', uploads: 0, failed: 0, stop: async () => {} }
  const server = http.createServer((req, res) => {
    const upload = /\/blobs\/uploads\//.test(req.url ?? '') && ['PATCH', 'PUT'].includes(req.method ?? '')
    const what = upload ? fault(++state.uploads) : 'pass'
    if (what !== 'pass' && what !== 'slow') {
      state.failed++
      if (what === '500') {
        req.resume()
        res.writeHead(500, { 'Content-Type': 'application/json', Connection: 'close' })
        res.end(
          JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'filesystem: no space left on device' }] })
        )
      } else req.socket.destroy()
      return
    }
    const forward = () =>
      http.request(`http://${upstream}${req.url}`, { method: req.method, headers: req.headers }, answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      })
    const pass = (): void => {
      const request = forward()
      request.on('error', () => res.destroy())
      req.pipe(request)
    }
    if (what === 'slow') {
      req.pause()
      req.socket.once('close', () => {
        state.heldClosedAt ??= Date.now()
        state.uploadsWhenHeldClosed ??= state.uploads
      })
      setTimeout(pass, 3000)
    } else pass()
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const port = await freePort('127.0.0.1')
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
  state.address = `127.0.0.1:${port}`
  state.stop = async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>(resolve => server.close(() => resolve()))
  }
  return state
}
