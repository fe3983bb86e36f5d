// Labels put on everything the action creates, so the post step (and audits) can find it again.
export const LABEL_MANAGED = 'io.docker-preflight.managed'
export const LABEL_RUN = 'io.docker-preflight.run'
export const LABEL_ROLE = 'io.docker-preflight.role'

export function runLabels(
  runId: string,
  role: 'smoke' | 'build' | 'compose' | 'structure'
): Record<string, string> {
  return { [LABEL_MANAGED]: 'true', [LABEL_RUN]: runId, [LABEL_ROLE]: role }
}
