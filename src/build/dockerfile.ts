// What the build stage needs to know about the Dockerfile: its stages and instructions with their
// lines, so a builder's step ("Step 7/9 : RUN make", "[build 3/5] RUN make") can be mapped back to the
// line a developer should look at. Parsing (escape directive, continuations, comments) is dockerfile-ast's.

import { oneLine } from '../format.js'
import { sameReference } from '../image/reference.js'

export interface Instruction {
  /** Upper-case keyword: RUN, COPY, FROM... */
  keyword: string
  /** The instruction on one line, continuations joined, e.g. `RUN make && make test`. */
  text: string
  /** 1-based line where the instruction starts. */
  line: number
  /** Index of the stage it belongs to; -1 for ARGs before the first FROM. */
  stage: number
}

export interface Stage {
  index: number
  /** The `AS name`, lower-cased as the builders treat it. */
  name?: string
  /** The image as written after FROM (may hold ${ARG}s). */
  image: string
  from: Instruction
  instructions: Instruction[]
}

export interface ParsedDockerfile {
  instructions: Instruction[]
  stages: Stage[]
}

// BuildKit numbers only the instructions that become build steps: "[2/3]" counts these within a stage.
const STEP_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR'])

/**
 * dockerfile-ast (with vscode-languageserver-types, ~290 KB) is loaded here, only by runs that build. Given
 * the file's read still pending, the load and the read overlap (and both, the engine's replies).
 */
export async function parseDockerfile(text: string | Promise<string>): Promise<ParsedDockerfile> {
  const [{ DockerfileParser }, content] = await Promise.all([import('dockerfile-ast'), text])
  const document = DockerfileParser.parse(content)
  const instructions: Instruction[] = []
  const stages: Stage[] = []
  for (const parsed of document.getInstructions()) {
    const keyword = parsed.getKeyword().toUpperCase()
    const instruction: Instruction = {
      keyword,
      text: oneLine(parsed.toString()),
      line: parsed.getRange().start.line + 1,
      stage: keyword === 'FROM' ? stages.length : stages.length - 1
    }
    instructions.push(instruction)
    if (keyword === 'FROM') {
      const args = parsed.getArguments().map(a => a.getValue())
      const asIndex = args.findIndex(a => a.toLowerCase() === 'as')
      // FROM [--platform=...] image [AS name]
      const positional = args.filter(a => !a.startsWith('--'))
      stages.push({
        index: stages.length,
        name: asIndex >= 0 && args[asIndex + 1] ? args[asIndex + 1]!.toLowerCase() : undefined,
        image: positional[0] ?? '',
        from: instruction,
        instructions: [instruction]
      })
    } else if (instruction.stage >= 0) {
      stages[instruction.stage]!.instructions.push(instruction)
    }
  }
  return { instructions, stages }
}

/** Classic builder: "Step N/M : TEXT" counts every instruction in the file, ARGs before FROM included. */
export function locateClassicStep(
  dockerfile: ParsedDockerfile,
  step: number,
  text: string
): Instruction | undefined {
  const wanted = comparable(text)
  const byNumber = dockerfile.instructions[step - 1]
  if (byNumber && comparable(byNumber.text) === wanted) return byNumber
  // Not in the file at all: the classic builder appends a LABEL step per `labels` build option.
  return dockerfile.instructions.find(i => comparable(i.text) === wanted)
}

/** Splits a BuildKit vertex name "[stage 2/3] RUN make" into its parts; undefined for other vertices. */
export function parseVertexName(
  name: string
): { stage?: string; index: number; total: number; text: string } | undefined {
  const match = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (.+)$/s.exec(name)
  if (!match) return undefined
  return { stage: match[1], index: Number(match[2]), total: Number(match[3]), text: match[4]! }
}

/** BuildKit: the instruction behind a vertex named "[stage i/n] TEXT". */
export function locateVertex(dockerfile: ParsedDockerfile, name: string): Instruction | undefined {
  const vertex = parseVertexName(name)
  if (!vertex) return undefined
  const stage = findStage(dockerfile, vertex.stage)
  const keyword = vertex.text.split(/\s/, 1)[0]!.toUpperCase()
  const wanted = comparable(vertex.text)
  if (stage) {
    // BuildKit prints FROM with the image resolved ("docker.io/library/busybox:latest"): the stage's FROM.
    if (keyword === 'FROM') return stage.from
    const steps = stage.instructions.filter(i => STEP_KEYWORDS.has(i.keyword))
    const byIndex = steps[vertex.index - 1]
    if (byIndex && comparable(byIndex.text) === wanted) return byIndex
    return stage.instructions.find(i => comparable(i.text) === wanted) ?? byIndex
  }
  // BuildKit shares one vertex between builds that run at once and names it after the first of them,
  // so a FROM can come with another Dockerfile's stage name: the stage that starts from that image.
  if (keyword === 'FROM') return stageFromImage(dockerfile, vertex.text)?.from
  return dockerfile.instructions.find(i => comparable(i.text) === wanted)
}

/** The first stage whose FROM names the image of a vertex's `FROM <image>[@digest]` (ARG defaults expanded). */
function stageFromImage(dockerfile: ParsedDockerfile, text: string): Stage | undefined {
  const image = text
    .split(/\s+/)
    .slice(1)
    .find(word => !word.startsWith('--'))
    ?.replace(/@sha256:[0-9a-f]+$/, '')
  if (!image) return undefined
  const args = globalArgs(dockerfile)
  return dockerfile.stages.find(stage => sameReference(expandArgs(stage.image, args), image))
}

/** The defaults of the ARGs declared before the first FROM. */
function globalArgs(dockerfile: ParsedDockerfile): Record<string, string> {
  const args: Record<string, string> = {}
  for (const instruction of dockerfile.instructions) {
    if (instruction.stage !== -1 || instruction.keyword !== 'ARG') continue
    const [name, ...value] = instruction.text.replace(/^ARG\s+/i, '').split('=')
    if (name) args[name.trim()] = value.join('=')
  }
  return args
}

function findStage(dockerfile: ParsedDockerfile, label: string | undefined): Stage | undefined {
  const { stages } = dockerfile
  if (label === undefined) return stages.length === 1 ? stages[0] : undefined
  const lower = label.toLowerCase()
  const named = stages.find(s => s.name === lower)
  if (named) return named
  const numbered = /^stage-(\d+)$/.exec(lower)
  return numbered ? stages[Number(numbered[1])] : undefined
}

/** The line an engine names in a Dockerfile syntax error ("dockerfile parse error line 3", "Dockerfile:3"). */
export function lineInMessage(message: string): number | undefined {
  const match = /parse error (?:on )?line (\d+)/i.exec(message) ?? /Dockerfile[\w.-]*:(\d+)\b/i.exec(message)
  return match ? Number(match[1]) : undefined
}

/** The instruction that starts at (or spans) a line. */
export function instructionAtLine(dockerfile: ParsedDockerfile, line: number): Instruction | undefined {
  let found: Instruction | undefined
  for (const instruction of dockerfile.instructions) {
    if (instruction.line <= line) found = instruction
  }
  return found && found.line === line ? found : undefined
}

/**
 * The base images the build may pull, with ARGs expanded (defaults of ARGs before the first FROM,
 * overridden by build-args). FROMs naming an earlier stage are left out.
 */
export function baseImages(dockerfile: ParsedDockerfile, buildArgs: Record<string, string>): string[] {
  const args = { ...globalArgs(dockerfile), ...buildArgs }
  const images: string[] = []
  const stageNames = new Set<string>()
  for (const stage of dockerfile.stages) {
    const image = expandArgs(stage.image, args)
    if (image && !stageNames.has(image.toLowerCase()) && image !== 'scratch') images.push(image)
    if (stage.name) stageNames.add(stage.name)
  }
  return [...new Set(images)]
}

/** The stage whose base image is `reference` (compared in normalised form), for "base image not found". */
export function stageWithBase(
  dockerfile: ParsedDockerfile,
  reference: string,
  buildArgs: Record<string, string>
): Stage | undefined {
  const images = baseImages(dockerfile, buildArgs)
  const image = images.find(i => sameReference(i, reference))
  if (!image) return undefined
  return dockerfile.stages.find(s => s.image === image) ?? dockerfile.stages.find(s => s.image.includes('$'))
}

function expandArgs(text: string, args: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::?([-+])([^}]*))?\}|\$(\w+)/g, (_all, braced, op, word, bare) => {
    const value = args[(braced ?? bare) as string]
    if (op === '-') return value ? value : (word as string)
    if (op === '+') return value ? (word as string) : ''
    return value ?? ''
  })
}

/** Text for comparing an instruction printed by a builder with one parsed here. */
function comparable(text: string): string {
  const collapsed = oneLine(text)
  const space = collapsed.indexOf(' ')
  return space === -1
    ? collapsed.toUpperCase()
    : collapsed.slice(0, space).toUpperCase() + collapsed.slice(space)
}
