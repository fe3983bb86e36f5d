import { readFileSync } from 'node:fs'
import { podmanVersion } from '../src/engine/podman.js'

// /version replies as the engines sent them (Podman 4.3.1's `podman system service`, Debian 12's dockerd).
const reply = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`__tests__/fixtures/version/${name}.json`, 'utf8')) as Record<string, unknown>

describe('podmanVersion: Podman is told apart by its /version Components', () => {
  test('Podman names itself "Podman Engine" there, beside a Docker-like Version and ApiVersion', () => {
    const podman = reply('podman-4.3.1')
    expect(podman.ApiVersion).toBe('1.41')
    expect(podmanVersion(podman)).toBe('4.3.1')
  })

  test('dockerd is not Podman', () => {
    expect(podmanVersion(reply('docker-20.10.24'))).toBeUndefined()
  })

  test('a reply without Components, or with odd ones, is not Podman', () => {
    expect(podmanVersion({ Version: '4.3.1' })).toBeUndefined()
    expect(podmanVersion({ Components: 'Podman Engine' })).toBeUndefined()
    expect(podmanVersion({ Components: [null, 7, { Name: 'Engine', Version: '28.5.2' }] })).toBeUndefined()
    expect(podmanVersion({ Components: [{ Name: 'Podman Engine' }] })).toBe('unknown version')
  })
})
