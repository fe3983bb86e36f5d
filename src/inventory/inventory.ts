import type Docker from 'dockerode'
import type { ReportScope } from '../config.js'
import type { BuildResult } from '../build/build.js'
import type { SmokeResult } from '../smoke/run.js'

export interface LayerSummary {
  sizeBytes: number
  /** The instruction that made the layer, on one line. */
  createdBy: string
  created: string
}

export interface ImageSummary {
  id: string
  shortId: string
  tags: string[]
  sizeBytes: number
  created: string
  /** Only for the image this run built. */
  layers?: LayerSummary[]
}

export interface ContainerSummary {
  id: string
  name: string
  image: string
  command: string
  state: string
  status: string
  exitCode?: number
  created: string
  ports: string[]
  /** True when the container is gone (cleanup) and this row comes from what the smoke stage recorded. */
  removed: boolean
}

export interface Inventory {
  scope: ReportScope
  images: ImageSummary[]
  containers: ContainerSummary[]
}

export interface InventoryInput {
  docker: Docker
  scope: ReportScope
  runId: string
  build?: BuildResult
  smoke?: SmokeResult
  /** Images the smoke stage used (by reference), for scope `run`. */
  usedImages: string[]
  signal?: AbortSignal
}

/** The inventory stage. Replaced by the real implementation in issue 5. */
export async function takeInventory(input: InventoryInput): Promise<Inventory> {
  return { scope: input.scope, images: [], containers: [] }
}
