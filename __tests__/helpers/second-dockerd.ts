import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Docker from 'dockerode'
import { EngineClient } from '../../src/engine/client.js'
import { resolveEndpoint } from '../../src/engine/endpoint.js'

// A second, disposable dockerd for tests that kill the engine. It has its own socket, --data-root,
// --exec-root and pidfile, and its own bridge with --iptables=false --ip-masq=false, so it leaves the
// main daemon's docker0 and NAT rules alone. Not --bridge=none: dockerd 20.10 with the bridge disabled
// deletes the kernel's docker0 interface at start-up (removeDefaultBridgeInterface in daemon_unix.go),
// which broke every bridged container of the main daemon ("could not find bridge docker0") until it
// was recreated by hand. Measured that here; hence a bridge of its own, created and deleted by this file.
//
// Its containerd is started here (its own --root, --state and socket, CRI off) and handed to dockerd
// with --containerd, rather than left to dockerd: a containerd that dockerd starts is orphaned when
// dockerd is SIGKILLed, and PID 1 on this machine (a firecracker init) does not reap orphans, so it
// lingers as a zombie; a restarted dockerd then finds its pid "still running", waits for its socket and
// fails with "timeout waiting for containerd to start". A containerd that node started is reaped by
// node, and it also survives the daemon's death the way a systemd-managed containerd does, so the
// restarted daemon adopts and reaps the orphaned containers. Measured here: starts in ~1 s; `docker
// load` of busybox takes ~0.5 s.

export interface SecondEngine {
  /** unix:///tmp/.../docker.sock */
  host: string
  dir: string
  docker: Docker
  /** The same daemon through the project's client, as the stages take it. */
  client: EngineClient
  /** The daemon's pid. */
  pid(): number
  /** SIGKILL, as a crash would; containerd and the container processes live on. */
  kill(): void
  /** Brings the daemon back if it was killed, removes every container, stops it and deletes its dirs. */
  dispose(): Promise<void>
}

/** Why a second daemon cannot run here, or undefined when it can. */
export function secondEngineUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'a second dockerd needs root'
  try {
    execFileSync('dockerd', ['--version'], { stdio: 'ignore' })
  } catch {
    return 'dockerd is not installed'
  }
  return undefined
}

/** Starts the daemon and seeds it with images from the main engine (docker save | docker load). */
export async function startSecondEngine(seed: string[] = ['busybox:latest']): Promise<SecondEngine> {
  // Short: the containerd socket under exec-root must fit in a unix socket path (108 bytes).
  const dir = mkdtempSync(join(tmpdir(), 'pf-dd-'))
  const socketPath = join(dir, 'docker.sock')
  const host = `unix://${socketPath}`
  const log = join(dir, 'dockerd.log')
  let daemon: ChildProcess | undefined

  // A bridge for its default network; the name is unique (max 15 characters), the subnet unlikely to clash.
  const bridge = `pfdd${randomBytes(4).toString('hex')}`
  execFileSync('ip', ['link', 'add', bridge, 'type', 'bridge'])
  execFileSync('ip', ['addr', 'add', `10.213.${randomBytes(1)[0]! % 250}.1/24`, 'dev', bridge])
  execFileSync('ip', ['link', 'set', bridge, 'up'])

  const containerdSocket = join(dir, 'containerd', 'containerd.sock')
  writeFileSync(
    join(dir, 'containerd.toml'),
    'version = 2\ndisabled_plugins = ["io.containerd.grpc.v1.cri"]\n'
  )
  const containerd = spawn(
    'containerd',
    [
      '--config',
      join(dir, 'containerd.toml'),
      '--root',
      join(dir, 'containerd', 'root'),
      '--state',
      join(dir, 'containerd', 'state'),
      '--address',
      containerdSocket
    ],
    {
      stdio: [
        'ignore',
        openSync(join(dir, 'containerd.log'), 'a'),
        openSync(join(dir, 'containerd.log'), 'a')
      ]
    }
  )
  containerd.unref()

  const start = async (): Promise<void> => {
    const out = openSync(log, 'a')
    const child = spawn(
      'dockerd',
      [
        '-H',
        host,
        '--containerd',
        containerdSocket,
        '--data-root',
        join(dir, 'data'),
        '--exec-root',
        join(dir, 'exec'),
        '--pidfile',
        join(dir, 'dockerd.pid'),
        `--bridge=${bridge}`,
        '--iptables=false',
        '--ip-masq=false'
      ],
      { stdio: ['ignore', out, out] }
    )
    child.unref()
    closeSync(out)
    daemon = child
    const deadline = Date.now() + 30_000
    while (!(await pings(socketPath))) {
      if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the second dockerd did not start:\n${readFileSync(log, 'utf8').slice(-2000)}`)
      }
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  }
  await start()
  for (const image of seed) {
    execSync(`docker save ${image} | docker -H ${host} load -q`, { stdio: 'ignore' })
  }

  const exited = (child: ChildProcess | undefined): Promise<void> =>
    !child || child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise(resolve => child.once('exit', () => resolve()))
  let killed = false
  return {
    host,
    dir,
    docker: new Docker(resolveEndpoint(host, process.env).options),
    client: new EngineClient(resolveEndpoint(host, process.env)),
    pid: () => daemon?.pid ?? 0,
    kill: () => {
      daemon?.kill('SIGKILL')
      killed = true
    },
    dispose: async () => {
      if (killed) {
        // Start it again on the same dirs: it reaps the containers its death orphaned.
        await exited(daemon)
        rmSync(socketPath, { force: true })
        await start()
      }
      try {
        execSync(`docker -H ${host} ps -aq | xargs -r docker -H ${host} rm -f`, { stdio: 'ignore' })
      } catch {
        // reported by the leftover checks of the tests and the global teardown
      }
      for (const child of [daemon, containerd]) {
        child?.kill('SIGTERM')
        const stopped = exited(child)
        const timer = setTimeout(() => child?.kill('SIGKILL'), 20_000)
        await stopped
        clearTimeout(timer)
      }
      const mounts = readFileSync('/proc/mounts', 'utf8')
        .split('\n')
        .map(line => line.split(' ')[1] ?? '')
        .filter(path => path.startsWith(dir))
      for (const mount of mounts.reverse()) execFileSync('umount', ['-l', mount], { stdio: 'ignore' })
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true })
      execFileSync('ip', ['link', 'delete', bridge], { stdio: 'ignore' })
    }
  }
}

function pings(socketPath: string): Promise<boolean> {
  return new Promise(resolve => {
    const request = http.get({ socketPath, path: '/_ping', timeout: 1000 }, response => {
      response.resume()
      resolve(response.statusCode === 200)
    })
    request.on('error', () => resolve(false))
    request.on('timeout', () => {
      request.destroy()
      resolve(false)
    })
  })
}
