// The one definition of every input. action.yml, the CLI's flags (--<name>), `--help` and the README's
// table all come from or are checked against this list (see __tests__/definitions.unit.test.ts).

export interface InputDefinition {
  /** The input's name in action.yml; the CLI flag is `--${name}`. */
  name: string
  description: string
  /** The default as action.yml states it ('' when there is none). */
  default: string
  /** `boolean` inputs become flags without a value on the CLI (`--no-cache`, `--no-summary`). */
  kind: 'string' | 'boolean' | 'multiline'
  /** Only on the CLI (e.g. --smoke-file, --json); not an action input. */
  cliOnly?: boolean
  /** Holds secret values: masked before anything is parsed, never quoted in an input problem. */
  secret?: boolean
}

export const INPUTS: readonly InputDefinition[] = [
  // Engine
  {
    name: 'docker-host',
    description:
      'Engine endpoint (unix:///path, tcp://host:port, ssh://user@host). Empty: as the docker CLI finds it (DOCKER_HOST, the docker context, the default socket).',
    default: '',
    kind: 'string'
  },
  {
    name: 'min-docker-version',
    description: 'Fail when the engine (server) version is lower, e.g. `20.10`.',
    default: '',
    kind: 'string'
  },
  {
    name: 'min-api-version',
    description: 'Fail when the engine API version is lower, e.g. `1.41`.',
    default: '',
    kind: 'string'
  },
  {
    name: 'require-info',
    description:
      'Conditions on `docker info` fields, one a line: `Driver=overlay2`, `OSType!=windows`, `SecurityOptions~=seccomp` (regex or substring; any element of a list), `NCPU>=2`.',
    default: '',
    kind: 'multiline'
  },
  // Build
  {
    name: 'build',
    description: '`auto` (build when the Dockerfile exists), `true` or `false`.',
    default: 'auto',
    kind: 'string'
  },
  { name: 'context', description: 'Build context directory.', default: '.', kind: 'string' },
  {
    name: 'file',
    description: 'Dockerfile path. Empty: `<context>/Dockerfile`. May lie outside the context.',
    default: '',
    kind: 'string'
  },
  {
    name: 'tags',
    description:
      'Image tags, comma or newline separated. Empty: `docker-preflight/<repository>:<short sha>` (`:local` outside Actions).',
    default: '',
    kind: 'multiline'
  },
  {
    name: 'build-args',
    description: 'Build arguments, one `KEY=VALUE` a line.',
    default: '',
    kind: 'multiline'
  },
  {
    name: 'target',
    description: 'Build stage to stop at (multi-stage builds).',
    default: '',
    kind: 'string'
  },
  { name: 'labels', description: 'Image labels, one `KEY=VALUE` a line.', default: '', kind: 'multiline' },
  { name: 'no-cache', description: 'Build without the cache.', default: 'false', kind: 'boolean' },
  {
    name: 'pull',
    description: 'Always pull newer base images when building.',
    default: 'false',
    kind: 'boolean'
  },
  { name: 'platform', description: 'Target platform, e.g. `linux/amd64`.', default: '', kind: 'string' },
  {
    name: 'builder',
    description: '`auto` (BuildKit when the engine supports it), `buildkit` or `classic`.',
    default: 'auto',
    kind: 'string'
  },
  {
    name: 'secrets',
    description:
      'Build secrets for `RUN --mount=type=secret,id=...`, one `id=value` a line (BuildKit only). Values are masked.',
    default: '',
    kind: 'multiline',
    secret: true
  },
  {
    name: 'secret-files',
    description: 'Build secrets read from files, one `id=path` a line (BuildKit only).',
    default: '',
    kind: 'multiline'
  },
  {
    name: 'secret-envs',
    description: 'Build secrets read from environment variables, one `id=ENV_NAME` a line (BuildKit only).',
    default: '',
    kind: 'multiline'
  },
  {
    name: 'build-contexts',
    description:
      'Named build contexts for `COPY --from=name` and `FROM name`, one `name=path` (or `name=docker-image://ref`) a line, as buildx `--build-context` (BuildKit only; needs an engine whose BuildKit supports them, e.g. 23+).',
    default: '',
    kind: 'multiline'
  },
  {
    name: 'cache-from',
    description: 'Images to use as build cache, comma or newline separated (`--cache-from`).',
    default: '',
    kind: 'multiline'
  },
  // Smoke
  {
    name: 'smoke',
    description:
      'Smoke containers as a YAML list (see README). Empty: `hello-world`, and the built image when there is one.',
    default: '',
    kind: 'multiline'
  },
  {
    name: 'smoke-file',
    description: 'Read the smoke list from this YAML file instead of --smoke.',
    default: '',
    kind: 'string',
    cliOnly: true
  },
  {
    name: 'smoke-timeout',
    description: 'Default time limit of one smoke container, e.g. `60s`, `2m`.',
    default: '60s',
    kind: 'string'
  },
  {
    name: 'smoke-parallel',
    description: 'How many smoke containers run at once.',
    default: '4',
    kind: 'string'
  },
  {
    name: 'pull-policy',
    description: 'Pulling smoke images: `missing`, `always` or `never`.',
    default: 'missing',
    kind: 'string'
  },
  {
    name: 'cleanup',
    description: 'Remove smoke containers (and their anonymous volumes) once judged.',
    default: 'true',
    kind: 'boolean'
  },
  {
    name: 'cleanup-images',
    description: 'In the post step, also remove the images this run built.',
    default: 'false',
    kind: 'boolean'
  },
  // Compose
  {
    name: 'compose',
    description:
      'Compose files, comma or newline separated: the stack is started under a project of this run, each service judged, then taken down (needs the `docker compose` v2 plugin).',
    default: '',
    kind: 'multiline'
  },
  {
    name: 'compose-smoke',
    description:
      'YAML list in the shape of smoke entries: `service:` entries add expectations to a Compose service; other entries run on the stack network.',
    default: '',
    kind: 'multiline'
  },
  {
    name: 'compose-timeout',
    description: 'Time limit of `compose up`, and of each service to be ready or exit, e.g. `2m`.',
    default: '2m',
    kind: 'string'
  },
  // Push
  {
    name: 'push',
    description:
      'Push the built image under each of `tags` once every check of the run passed (engine, build, smoke, and any Compose, structure, efficiency, size or drift check). Credentials as `docker login` and docker/login-action leave them.',
    default: 'false',
    kind: 'boolean'
  },
  // Report
  {
    name: 'report-scope',
    description: '`run` (what this run built, used and ran) or `all` (everything on the engine).',
    default: 'run',
    kind: 'string'
  },
  {
    name: 'report-path',
    description: 'Where to write the JSON report. Empty: `$RUNNER_TEMP/docker-preflight-report.json`.',
    default: '',
    kind: 'string'
  },
  { name: 'summary', description: 'Write the job summary.', default: 'true', kind: 'boolean' },
  {
    name: 'max-image-size',
    description: 'Fail when the built image is larger than this (its `image-size`), e.g. `250MB`, `1.5GiB`.',
    default: '',
    kind: 'string'
  },
  // Structure and efficiency
  {
    name: 'structure-tests',
    description:
      'container-structure-test files (`schemaVersion: 2.0.0` or `1.0.0`), paths or globs, one a line, run against the built image (or `structure-image`).',
    default: '',
    kind: 'multiline'
  },
  {
    name: 'structure-image',
    description: 'Image the structure tests run against. Empty: the built image.',
    default: '',
    kind: 'string'
  },
  {
    name: 'junit-path',
    description: "Write the structure tests' results here as JUnit XML. Empty: no file.",
    default: '',
    kind: 'string'
  },
  {
    name: 'max-wasted-bytes',
    description:
      'Fail when the built image wastes more, as dive counts it (files written in several layers or removed), e.g. `20MB`.',
    default: '',
    kind: 'string'
  },
  {
    name: 'min-efficiency',
    description: "Fail when the built image's efficiency (dive's score) is lower, e.g. `0.95` or `95%`.",
    default: '',
    kind: 'string'
  },
  {
    name: 'efficiency',
    description:
      "Analyse the built image's efficiency (wasted bytes per layer) even without `max-wasted-bytes` or `min-efficiency`.",
    default: 'false',
    kind: 'boolean'
  },
  // Audit
  {
    name: 'baseline',
    description: "Path of an earlier run's JSON report to compare engine facts with.",
    default: '',
    kind: 'string'
  },
  {
    name: 'fail-on-drift',
    description: '`none`, `security`, `any`, or a comma or newline list of drift field names.',
    default: 'none',
    kind: 'multiline'
  },
  {
    name: 'disk-usage',
    description: 'Read `/system/df` (images, containers, volumes, build cache) and compare it too.',
    default: 'false',
    kind: 'boolean'
  },
  {
    name: 'json',
    description: 'Print the JSON report on stdout instead of text tables.',
    default: 'false',
    kind: 'boolean',
    cliOnly: true
  }
]

export interface OutputDefinition {
  name: string
  description: string
}

export const OUTPUTS: readonly OutputDefinition[] = [
  { name: 'docker-version', description: 'Engine (server) version.' },
  { name: 'api-version', description: 'Engine API version.' },
  {
    name: 'client-version',
    description: 'Version of the `docker` CLI on the runner, empty when there is none.'
  },
  { name: 'info', description: 'The engine `/info` reply as JSON.' },
  { name: 'image-id', description: 'ID of the built image.' },
  { name: 'image-tags', description: 'Tags of the built image, comma separated.' },
  {
    name: 'image-size',
    description:
      'Size of the built image in bytes, as `docker image ls` shows it (see "Image size" in the README).'
  },
  { name: 'build-duration', description: 'Build time in milliseconds.' },
  { name: 'smoke-passed', description: '`true` when every smoke container passed.' },
  {
    name: 'smoke-results',
    description: 'JSON array of `{name, image, passed, exitCode, durationMs, reason}`.'
  },
  { name: 'images', description: 'JSON array of the images in the report.' },
  { name: 'containers', description: 'JSON array of the containers in the report.' },
  {
    name: 'digest',
    description: 'Manifest digest the registry returned for the pushed image (`push: true`).'
  },
  { name: 'pushed-tags', description: 'Tags pushed, comma separated; empty when nothing was pushed.' },
  { name: 'report', description: 'Path of the JSON report file.' },
  {
    name: 'structure-passed',
    description: '`true` when every structure test passed; empty without structure tests.'
  },
  {
    name: 'wasted-bytes',
    description: "The built image's wasted bytes as dive counts them; empty without the efficiency analysis."
  },
  {
    name: 'efficiency',
    description: "The built image's efficiency (dive's score, 0 to 1); empty without the efficiency analysis."
  },
  { name: 'drift', description: 'JSON array of engine facts that changed since the baseline.' }
]

export function inputDefinition(name: string): InputDefinition {
  const found = INPUTS.find(input => input.name === name)
  if (!found) throw new Error(`no input named ${name}`)
  return found
}
