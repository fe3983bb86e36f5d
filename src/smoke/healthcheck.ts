/**
 * True when a container's (or image's) config has a HEALTHCHECK the engine runs: a test that is not
 * `NONE` (which turns an inherited one off). A container's config is what counts: Podman 4.3 shows an
 * empty State.Health for a container without one, and its image inspect omits the image's check.
 */
export function hasHealthcheck(config: unknown): boolean {
  const test = (config as { Healthcheck?: { Test?: unknown } } | undefined)?.Healthcheck?.Test
  return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE'
}
