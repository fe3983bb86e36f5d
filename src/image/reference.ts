// One image reference value for every place that compares or rewrites references. The rules are
// distribution/reference's (normalize.go, splitDockerDomain): the first path component is a registry when
// it has a `.` or `:`, is `localhost`, or has an upper-case letter; otherwise the image is on Docker Hub,
// whose legacy name `index.docker.io` is `docker.io`, and whose one-component names live under `library/`.

export const HUB = 'docker.io'
const LEGACY_HUB = 'index.docker.io'
const OFFICIAL = 'library/'

// A reference as `docker tag` takes it: [registry[:port]/]path[:tag]; lower-case path components.
const NAME =
  /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/
const DIGEST = /^sha256:[a-f0-9]{64}$/
const ID = /^(sha256:)?[a-f0-9]{12,64}$/

/** A name with an optional tag, as `docker tag` and the `tags` input take it (no digest). */
export function isValidTag(reference: string): boolean {
  return NAME.test(reference)
}

/** An image ID, full or short, with or without `sha256:`. */
export function isImageId(text: string): boolean {
  return ID.test(text)
}

export class ImageReference {
  private constructor(
    /** `docker.io` for Docker Hub, else the host[:port] as written (lower-cased). */
    readonly registry: string,
    /** The repository path in the registry: `library/busybox`, `team/app`. */
    readonly path: string,
    readonly tag: string | undefined,
    readonly digest: string | undefined
  ) {}

  /** The reference, or undefined when it is not one (an image ID is not a reference). */
  static parse(text: string): ImageReference | undefined {
    const trimmed = text.trim()
    const [nameTag, digest, ...rest] = trimmed.split('@')
    if (rest.length > 0 || (digest !== undefined && !DIGEST.test(digest))) return undefined
    if (!nameTag || !NAME.test(nameTag)) return undefined
    const lastSlash = nameTag.lastIndexOf('/')
    const colon = nameTag.indexOf(':', lastSlash + 1)
    const name = colon === -1 ? nameTag : nameTag.slice(0, colon)
    const tag = colon === -1 ? undefined : nameTag.slice(colon + 1)
    const slash = name.indexOf('/')
    const first = slash === -1 ? '' : name.slice(0, slash)
    const isRegistry =
      first !== '' && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase())
    let registry = isRegistry ? first.toLowerCase() : HUB
    let path = isRegistry ? name.slice(slash + 1) : name
    if (registry === LEGACY_HUB) registry = HUB
    if (registry === HUB && !path.includes('/')) path = `${OFFICIAL}${path}`
    return new ImageReference(registry, path, tag, digest)
  }

  /** `docker.io/library/busybox:latest`: every part spelled out; `latest` when neither tag nor digest. */
  get canonical(): string {
    const tag = this.tag ?? (this.digest ? undefined : 'latest')
    return `${this.registry}/${this.path}${tag ? `:${tag}` : ''}${this.digest ? `@${this.digest}` : ''}`
  }

  /** `busybox:latest`, `team/app:1`, `127.0.0.1:5000/app:1`: as `docker image ls` shows it. */
  get familiar(): string {
    const tag = this.tag ?? (this.digest ? undefined : 'latest')
    return `${this.familiarName}${tag ? `:${tag}` : ''}${this.digest ? `@${this.digest}` : ''}`
  }

  /** The repository as `docker image ls` shows it: `busybox`, `team/app`, `127.0.0.1:5000/app`. */
  get familiarName(): string {
    if (this.registry !== HUB) return `${this.registry}/${this.path}`
    const rest = this.path.slice(OFFICIAL.length)
    return this.path.startsWith(OFFICIAL) && !rest.includes('/') ? rest : this.path
  }

  /** The last path component without tag or digest: `127.0.0.1:5000/team/app:1.2` → `app`. */
  get shortName(): string {
    return this.path.slice(this.path.lastIndexOf('/') + 1)
  }

  /** Same image name, tag and digest once both are normalised (`busybox` = `docker.io/library/busybox:latest`). */
  equals(other: ImageReference | string): boolean {
    const that = typeof other === 'string' ? ImageReference.parse(other) : other
    return that !== undefined && that.canonical === this.canonical
  }

  toString(): string {
    return this.familiar
  }
}

/** True when both texts are references to the same image (false when either is not a reference). */
export function sameReference(a: string, b: string): boolean {
  return ImageReference.parse(a)?.equals(b) ?? false
}

/**
 * A name as the docker CLI shows it: `docker.io/library/busybox:latest` → `busybox:latest`, and nothing
 * added (`busybox` stays `busybox`). Podman's API reports names fully qualified; Docker's already familiar.
 * An image ID, or text that is not a reference, comes back as it was.
 */
export function familiarReference(text: string): string {
  if (isImageId(text)) return text
  const reference = ImageReference.parse(text)
  if (!reference) return text
  const { tag, digest } = reference
  return `${reference.familiarName}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`
}

/** The canonical form, or the text as given (trimmed) when it is not a reference. */
export function canonicalReference(text: string): string {
  return ImageReference.parse(text)?.canonical ?? text.trim()
}
