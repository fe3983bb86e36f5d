import type { ComposeResult, ComposeServiceResult } from '../src/compose/run.js'
import { dependencyChart, renderCompose } from '../src/report/compose.js'

function service(overrides: Partial<ComposeServiceResult>): ComposeServiceResult {
  return {
    name: 'web',
    image: 'busybox:latest',
    kind: 'long-running',
    state: 'running',
    ports: [],
    passed: true,
    reason: 'ready',
    dependsOn: [],
    logTail: '',
    logTruncated: false,
    healthLog: [],
    ...overrides
  }
}

function result(services: ComposeServiceResult[]): ComposeResult {
  return {
    status: services.every(s => s.passed) ? 'passed' : 'failed',
    problems: [],
    project: 'preflight-42-1-abcd',
    files: ['compose.yaml'],
    services,
    containers: [],
    removed: { containers: 0, networks: 0, volumes: 0, problems: [] },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:09.000Z',
    durationMs: 9000
  }
}

describe('the Compose section of the job summary', () => {
  const services = [
    service({ name: 'web', health: 'healthy', ports: ['127.0.0.1:49153->8080/tcp'] }),
    service({
      name: 'migrate',
      kind: 'one-shot',
      state: 'exited',
      exitCode: 1,
      passed: false,
      reason: 'exited 1, expected 0',
      logTail: 'migrating\nboom\n',
      definedAt: { file: 'compose.yaml', line: 9 }
    }),
    service({
      name: 'worker',
      state: 'created',
      passed: false,
      reason: 'was not started: its dependency "migrate" failed (service_completed_successfully)',
      dependsOn: [{ service: 'migrate', condition: 'service_completed_successfully', required: true }]
    })
  ]

  test('a row per service with image, state, health and ports, and the failed one’s output', () => {
    const html = renderCompose(result(services))
    expect(html).toContain('<h3>Compose</h3>')
    expect(html).toContain('1 of 3 services passed in 9s; the stack was taken down.')
    expect(html).toContain('<th>Service</th><th>Image</th><th>State</th><th>Health</th><th>Ports</th>')
    expect(html).toContain(
      '<td>web</td><td><code>busybox&#58;latest</code></td><td>running</td><td>healthy</td><td><code>127.0.0.1&#58;49153&#45;&gt;8080/tcp</code></td>'
    )
    expect(html).toContain(
      '<td>migrate</td><td><code>busybox&#58;latest</code></td><td>exited &#40;1&#41;</td><td>–</td><td>–</td>'
    )
    expect(html).toContain(
      '<summary>Output of migrate &#40;all&#41; &#40;defined at compose.yaml&#58;9&#41;</summary>'
    )
    expect(html).toContain('<pre>migrating\nboom')
  })

  test('the dependency chart draws an arrow from each dependency to its dependant, failures marked', () => {
    const chart = dependencyChart(services)
    expect(chart).toContain('```mermaid\nflowchart LR\n')
    expect(chart).toContain('s0["web"]')
    expect(chart).toContain('s1["migrate (one-shot)"]')
    expect(chart).toContain('s1 -->|completed| s2')
    expect(chart).toContain('class s1,s2 failed')
    expect(chart).toContain('class s0 passed')
  })

  test('hostile names and output cannot break out of the table, the chart or the <pre>', () => {
    const hostile = service({
      name: 'x"]; click s0 href "javascript:alert(1)"',
      passed: false,
      reason: '<img src=x onerror=alert(1)>',
      logTail: '</pre><script>alert(1)</script>\n```\n'
    })
    const html = renderCompose(result([hostile]))
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('</pre><script>')
    const chart = dependencyChart([hostile])
    const label = /s0\["([^"]*)"\]/.exec(chart)![1]!
    expect(label).not.toMatch(/[";[\]]/)
    expect(chart.match(/```/g)).toHaveLength(2)
  })

  test('a failed container on the stack network: its row and its output', () => {
    const html = renderCompose({
      ...result(services.slice(0, 1)),
      containers: [
        {
          name: 'probe',
          image: 'busybox:latest',
          passed: false,
          exitCode: 1,
          durationMs: 300,
          reason: 'exited 1, expected 0',
          outputTail: 'wget: bad address web\n',
          outputTruncated: false
        }
      ]
    })
    expect(html).toContain('<th>Container on the stack network</th>')
    expect(html).toContain('<td>probe</td>')
    expect(html).toContain('<summary>Output of probe</summary>')
    expect(html).toContain('<pre>wget: bad address web</pre>')
  })
})
