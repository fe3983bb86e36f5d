import { randomBytes } from 'node:crypto'
import globalTeardown from './helpers/global-teardown.js'
import { testDocker } from './helpers/engine.js'

// The whole-suite leak check must be able to fail: a container and a labelled image left behind are named.
// (Other tests run beside this one, so it only asserts that ours are in the list.)

test('the leak check names a leftover container and a managed image', async () => {
  const docker = testDocker()
  const name = `preflight-leak-${randomBytes(4).toString('hex')}`
  const container = await docker.createContainer({ Image: 'busybox:latest', Cmd: ['true'], name })
  const tag = `${name}-image`
  await container.commit({
    repo: tag,
    tag: 'latest',
    changes: ['LABEL io.docker-preflight.managed=true']
  } as object)
  try {
    await expect(globalTeardown()).rejects.toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          new RegExp(
            `container ${name} \\(busybox:latest, created[^]*image ${tag}:latest \\(io.docker-preflight.managed\\)`
          )
        )
      })
    )
  } finally {
    await container.remove({ force: true })
    await docker.getImage(`${tag}:latest`).remove({ force: true })
  }
})
