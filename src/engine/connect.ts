import Docker from 'dockerode'
import type { Endpoint } from './endpoint.js'

export { DEFAULT_SOCKET, resolveEndpoint, type Endpoint } from './endpoint.js'

/** A dockerode client for the endpoint. No request is made here. */
export function connect(endpoint: Endpoint): Docker {
  return new Docker(endpoint.options)
}
