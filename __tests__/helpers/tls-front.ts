import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'

// Real TLS in front of the real engine, for as long as a test needs it: certificates made by openssl
// here, and a node:tls server on 127.0.0.1 that passes every connection through to the test engine's
// unix socket. The engine itself never listens on TCP (scripts/engine.sh).

/** Every file is PEM; `dir` holds them (removed by `removeCertificates`). */
export interface Certificates {
  dir: string
  /** The CA that signs the server and client certificates. */
  ca: string
  /** A CA that signed nothing here: trusting it is trusting the wrong CA. */
  otherCa: string
  /** For IP 127.0.0.1 and localhost, signed by `ca`. */
  server: { cert: string; key: string }
  /** Signed by `ca`, but for the name other.example only. */
  serverOtherName: { cert: string; key: string }
  /** Signed by `ca`, for 127.0.0.1, but expired yesterday. */
  serverExpired: { cert: string; key: string }
  /** A client certificate signed by `ca`. */
  client: { cert: string; key: string }
  /** A client certificate signed by `otherCa`. */
  clientOtherCa: { cert: string; key: string }
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
}

/** Makes a CA, a second CA, and server and client certificates with openssl (EC P-256: quick to make). */
export function makeCertificates(): Certificates {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-tls-'))
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
  const ca = (name: string): void =>
    openssl(dir, [
      'req',
      '-x509',
      ...key,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-subj',
      `/CN=${name}`,
      '-days',
      '2'
    ])
  ca('preflight-test-ca')
  ca('preflight-other-ca')
  const leaf = (name: string, signer: string, san: string, days: string, usage: string): void => {
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\nextendedKeyUsage=${usage}\n`)
    openssl(dir, ['req', ...key, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`])
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${signer}.pem`,
      '-CAkey',
      `${signer}.key`,
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      days,
      '-extfile',
      `${name}.ext`
    ])
  }
  leaf('server', 'preflight-test-ca', 'IP:127.0.0.1,DNS:localhost', '2', 'serverAuth')
  leaf('server-other-name', 'preflight-test-ca', 'DNS:other.example', '2', 'serverAuth')
  // A negative -days puts notAfter before now: expired.
  leaf('server-expired', 'preflight-test-ca', 'IP:127.0.0.1,DNS:localhost', '-1', 'serverAuth')
  leaf('client', 'preflight-test-ca', 'DNS:client', '2', 'clientAuth')
  leaf('client-other-ca', 'preflight-other-ca', 'DNS:client', '2', 'clientAuth')
  const pair = (name: string) => ({ cert: join(dir, `${name}.pem`), key: join(dir, `${name}-key.pem`) })
  return {
    dir,
    ca: join(dir, 'preflight-test-ca.pem'),
    otherCa: join(dir, 'preflight-other-ca.pem'),
    server: pair('server'),
    serverOtherName: pair('server-other-name'),
    serverExpired: pair('server-expired'),
    client: pair('client'),
    clientOtherCa: pair('client-other-ca')
  }
}

export function removeCertificates(certs: Certificates): void {
  rmSync(certs.dir, { recursive: true, force: true })
}

export interface TlsFront {
  /** tcp://127.0.0.1:PORT */
  host: string
  port: number
  /** TCP connections accepted; connections passed to the engine (after the handshake, with TLS). */
  connections: number
  handshakes: number
  close(): Promise<void>
}

/** The test engine's socket (the front passes connections to it). */
export function engineSocket(): string {
  const host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock'
  if (!host.startsWith('unix://'))
    throw new Error(`the TLS front needs the test engine on a unix socket, not ${host}`)
  return host.slice('unix://'.length)
}

/**
 * A TLS server on 127.0.0.1 with `server` as its certificate, passing each connection to the test engine.
 * With `clientCa`, it asks for a client certificate signed by that CA and refuses connections without one.
 */
export function startTlsFront(options: {
  server: { cert: string; key: string }
  clientCa?: string
}): Promise<TlsFront> {
  return startFront(options)
}

/** The same without TLS: plain HTTP on 127.0.0.1, for as long as a test needs a TCP engine. */
export function startPlainFront(): Promise<TlsFront> {
  return startFront(undefined)
}

async function startFront(
  options: { server: { cert: string; key: string }; clientCa?: string } | undefined
): Promise<TlsFront> {
  const target = engineSocket()
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket): void => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
  }
  const pass = (client: net.Socket): void => {
    front.handshakes++
    const upstream = net.connect(target)
    track(upstream)
    client.pipe(upstream)
    upstream.pipe(client)
  }
  const server = options
    ? tls.createServer(
        {
          cert: readFileSync(options.server.cert),
          key: readFileSync(options.server.key),
          ca: options.clientCa ? readFileSync(options.clientCa) : undefined,
          requestCert: Boolean(options.clientCa),
          rejectUnauthorized: Boolean(options.clientCa)
        },
        pass
      )
    : net.createServer(pass)
  server.on('connection', (socket: net.Socket) => {
    front.connections++
    track(socket)
  })
  server.on('tlsClientError', () => {})
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const port = (server.address() as net.AddressInfo).port
  const front: TlsFront = {
    host: `tcp://127.0.0.1:${port}`,
    port,
    connections: 0,
    handshakes: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
  return front
}

export interface CountingListener {
  host: string
  /** TCP connections accepted (each would have carried requests). */
  connections: number
  /** Bytes received: anything at all means a client talked to it. */
  bytes: number
  close(): Promise<void>
}

/** A plain TCP listener on 127.0.0.1 that answers nothing and counts who connects. */
export async function startCountingListener(): Promise<CountingListener> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer(socket => {
    listener.connections++
    sockets.add(socket)
    socket.on('data', chunk => (listener.bytes += chunk.length))
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    // Closed at once: a client that did reach it fails fast instead of waiting out a timeout.
    socket.end()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const listener: CountingListener = {
    host: `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connections: 0,
    bytes: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
  return listener
}
