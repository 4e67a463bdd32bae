/**
 * A small `util.inspect` for the demo console: what Node prints, minus colours, stacks and
 * `<ref *1>` markers. Strings nested in structures are quoted, cycles print as `[Circular]`,
 * structures deeper than `depth` as `[Object]` / `[Array]` / `[Foo]`, and long arrays, typed
 * arrays, maps and sets stop after `maxArrayLength` entries with `… N more items` (objects after
 * MAX_PROPERTIES keys). Getters are shown as `[Getter]`, never called. A Promise's state cannot be
 * read synchronously, so it prints as `Promise { <state unknown> }`; errors print as
 * `Name: message` without their stack. Line breaking and column grouping follow Node's rules.
 */

export interface FormatOptions {
  /** Levels of nesting shown before `[Object]`; like Node, 2 by default. */
  readonly depth?: number
  /** Entries shown per array, typed array, Map or Set; 100 by default. */
  readonly maxArrayLength?: number
  /** Characters shown of a quoted (nested) string; 10 000 by default. */
  readonly maxStringLength?: number
  /** Output wider than this is broken into lines; 80 by default. */
  readonly breakLength?: number
}

interface Context {
  /** Level of the structure formatted last; decides whether its parent fits on one line. */
  currentDepth: number
  readonly depth: number
  readonly maxArrayLength: number
  readonly maxStringLength: number
  readonly breakLength: number
  readonly seen: object[]
}

type Entries = string[]

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/
/** Properties shown per object (Node shows all; a demo's 100 000-key cache would swamp the page). */
export const MAX_PROPERTIES = 1000
const tagOf = (value: unknown): string => Object.prototype.toString.call(value).slice(8, -1)

function plural(count: number, word: string, words = `${word}s`): string {
  return `${String(count)} ${count === 1 ? word : words}`
}

function escapeChar(char: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\\': '\\\\' }
  return named[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`
}

/** Quote like Node: single quotes unless the text holds them, then double quotes, then backticks. */
export function quote(text: string, maxLength = Infinity): string {
  const shown = text.length > maxLength ? text.slice(0, maxLength) : text
  let q = "'"
  if (shown.includes("'")) {
    if (!shown.includes('"')) q = '"'
    else if (!shown.includes('`') && !shown.includes('${')) q = '`'
  }
  // eslint-disable-next-line no-control-regex
  const escaped = shown.replace(/[\\\x00-\x1f\x7f]/g, escapeChar).split(q).join(`\\${q}`)
  const rest = text.length - shown.length
  return `${q}${escaped}${q}${rest > 0 ? `... ${plural(rest, 'more character')}` : ''}`
}

function formatKey(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${key.toString()}]`
  return IDENTIFIER.test(key) ? key : quote(key)
}

function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value)
}

function formatFunction(fn: (...args: never[]) => unknown): string {
  const source = Function.prototype.toString.call(fn)
  if (source.startsWith('class')) {
    const base: unknown = Object.getPrototypeOf(fn)
    const extendsName = typeof base === 'function' && base.name ? ` extends ${base.name}` : ''
    return `[class ${fn.name || '(anonymous)'}${extendsName}]`
  }
  const tag: unknown = (fn as unknown as Record<symbol, unknown>)[Symbol.toStringTag]
  const kind = typeof tag === 'string' ? tag : 'Function'
  return fn.name ? `[${kind}: ${fn.name}]` : `[${kind} (anonymous)]`
}

function formatPrimitive(value: unknown, ctx: Context): string | undefined {
  switch (typeof value) {
    case 'string': return quote(value, ctx.maxStringLength)
    case 'number': return formatNumber(value)
    case 'bigint': return `${String(value)}n`
    case 'boolean': return String(value)
    case 'undefined': return 'undefined'
    case 'symbol': return value.toString()
    case 'function': return formatFunction(value as (...args: never[]) => unknown)
    default: return value === null ? 'null' : undefined
  }
}

/** `Foo `, `[Object: null prototype] ` or `` for a plain object. */
function constructorName(value: object): string | null {
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto === null) return null
  const ctor: unknown = (proto as { constructor?: unknown }).constructor
  return typeof ctor === 'function' && ctor.name ? ctor.name : 'Object'
}

function prefixFor(value: object, fallback: string): string {
  const name = constructorName(value)
  if (name === null) return `[${fallback}: null prototype] `
  return name === fallback ? '' : `${name} `
}

/**
 * Node's grouping of short array items into aligned columns (util.inspect's groupArrayElements):
 * roughly square blocks, at most 15 columns, numbers right-aligned, anything else left-aligned.
 */
function groupItems(output: Entries, indent: number, breakLength: number, values: ArrayLike<unknown>): Entries {
  const more = output.at(-1)?.startsWith('…') === true
  const count = more ? output.length - 1 : output.length
  const lengths = output.slice(0, count).map((entry) => entry.length)
  const totalLength = lengths.reduce((sum, length) => sum + length + 2, 0)
  const maxLength = Math.max(0, ...lengths)
  const actualMax = maxLength + 2
  if (actualMax * 3 + indent >= breakLength || (totalLength / actualMax <= 5 && maxLength > 6)) return output
  const averageBias = Math.sqrt(actualMax - totalLength / output.length)
  const biasedMax = Math.max(actualMax - 3 - averageBias, 1)
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedMax * count) / biasedMax),
    Math.floor((breakLength - indent) / actualMax),
    12,
    15,
  )
  if (columns <= 1) return output
  const widths = Array.from({ length: columns }, (_, column) => {
    let width = 0
    for (let j = column; j < count; j += columns) width = Math.max(width, lengths[j] ?? 0)
    return width + 2
  })
  let numeric = true
  for (let i = 0; i < output.length; i++) {
    if (typeof values[i] !== 'number' && typeof values[i] !== 'bigint') numeric = false
  }
  const rows: Entries = []
  for (let i = 0; i < count; i += columns) {
    const last = Math.min(i + columns, count) - 1
    let row = ''
    for (let j = i; j <= last; j++) {
      const width = widths[j - i] ?? 0
      const entry = output[j] ?? ''
      if (j < last) row += numeric ? `${entry}, `.padStart(width) : `${entry}, `.padEnd(width)
      else row += numeric ? entry.padStart(width - 2) : entry
    }
    rows.push(row)
  }
  if (more) rows.push(output[count] ?? '')
  return rows
}

/**
 * Node's layout (reduceToSingleString): on one line when short enough and at most 3 levels of
 * structure are nested inside; arrays of more than 6 short items in columns; else one per line.
 */
function layout(open: string, entries: Entries, close: string, level: number, indent: string, ctx: Context, values?: ArrayLike<unknown>): string {
  if (entries.length === 0) return `${open}${close}`
  let output = entries
  if (values && entries.length > 6 && !entries.some((e) => e.includes('\n'))) {
    output = groupItems(entries, indent.length, ctx.breakLength, values)
  }
  if (ctx.currentDepth - level < 3 && output === entries) {
    const start = output.length + indent.length + open.length + 10
    const total = output.reduce((sum, entry) => sum + entry.length, output.length + start)
    const joined = output.join(', ')
    if (total <= ctx.breakLength && !joined.includes('\n')) return `${open} ${joined} ${close}`
  }
  const inner = `\n${indent}  `
  return `${open}${inner}${output.join(`,${inner}`)}\n${indent}${close}`
}

function moreItems(count: number): string {
  return `… ${plural(count, 'more item')}`
}

function propertyEntries(value: object, ctx: Context, level: number, indent: string, skip: (key: string) => boolean): Entries {
  const entries: Entries = []
  let hidden = 0
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string' && skip(key)) continue
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    if (!descriptor?.enumerable) continue
    if (entries.length >= MAX_PROPERTIES) {
      hidden++
      continue
    }
    let shown: string
    if (descriptor.get || descriptor.set) {
      shown = descriptor.get && descriptor.set ? '[Getter/Setter]' : descriptor.get ? '[Getter]' : '[Setter]'
    } else {
      shown = inspect(descriptor.value, ctx, level + 1, `${indent}  `)
    }
    entries.push(`${formatKey(key)}: ${shown}`)
  }
  if (hidden > 0) entries.push(`… ${plural(hidden, 'more property', 'more properties')}`)
  return entries
}

const isIndex = (key: string): boolean => /^(0|[1-9]\d*)$/.test(key)

function arrayEntries(value: readonly unknown[], ctx: Context, level: number, indent: string): Entries {
  const entries: Entries = []
  const shown = Math.min(value.length, ctx.maxArrayLength)
  let holes = 0
  const flushHoles = (): void => {
    if (holes > 0) entries.push(`<${plural(holes, 'empty item')}>`)
    holes = 0
  }
  for (let i = 0; i < shown; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) {
      holes++
      continue
    }
    flushHoles()
    entries.push(inspect(value[i], ctx, level + 1, `${indent}  `))
  }
  flushHoles()
  if (value.length > shown) entries.push(moreItems(value.length - shown))
  return entries.concat(propertyEntries(value, ctx, level, indent, (key) => isIndex(key) || key === 'length'))
}

interface TypedArrayLike {
  readonly length: number
  readonly [index: number]: number | bigint
}

function typedArrayEntries(value: TypedArrayLike, ctx: Context): Entries {
  const shown = Math.min(value.length, ctx.maxArrayLength)
  const entries: Entries = []
  for (let i = 0; i < shown; i++) {
    const item = value[i]
    entries.push(typeof item === 'bigint' ? `${String(item)}n` : formatNumber(item ?? 0))
  }
  if (value.length > shown) entries.push(moreItems(value.length - shown))
  return entries
}

function collectionEntries(
  items: Iterable<unknown>,
  size: number,
  ctx: Context,
  render: (item: unknown) => string,
): Entries {
  const entries: Entries = []
  for (const item of items) {
    if (entries.length >= ctx.maxArrayLength) break
    entries.push(render(item))
  }
  if (size > entries.length) entries.push(moreItems(size - entries.length))
  return entries
}

function formatError(error: Error, level: number): string {
  const name = typeof error.name === 'string' && error.name ? error.name : (constructorName(error) ?? 'Error')
  const header = error.message ? `${name}: ${error.message}` : name
  return level === 0 ? header : `[${header}]`
}

/** Empty structures print in full (`{}`, `[]`, `Map(0) {}`) even beyond the depth limit. */
function isEmpty(value: object): boolean {
  if (value instanceof Map || value instanceof Set) return value.size === 0
  return Object.keys(value).length === 0 && !(typeof WeakRef === 'function' && value instanceof WeakRef)
}

/** What an object beyond the depth limit prints as. */
function shortForm(value: object): string {
  if (Array.isArray(value)) return '[Array]'
  return `[${constructorName(value) ?? 'Object'}]`
}

function inspectObject(value: object, ctx: Context, level: number, indent: string): string {
  const tag = tagOf(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  if (value instanceof RegExp) return String(value)
  if (value instanceof Error) return formatError(value, level)
  if (['Number', 'String', 'Boolean', 'BigInt', 'Symbol'].includes(tag)) {
    const primitive: unknown = (value as { valueOf(): unknown }).valueOf()
    return `[${tag}: ${formatPrimitive(primitive, ctx) ?? String(primitive)}]`
  }
  if (value instanceof Promise) return 'Promise { <state unknown> }'
  if (value instanceof WeakMap || value instanceof WeakSet) return `${tag} { <items unknown> }`
  if (value instanceof ArrayBuffer || tag === 'SharedArrayBuffer') {
    return `${tag} { byteLength: ${String((value as ArrayBuffer).byteLength)} }`
  }
  if (value instanceof DataView) {
    return `DataView { byteLength: ${String(value.byteLength)}, byteOffset: ${String(value.byteOffset)} }`
  }
  if (!isEmpty(value)) {
    if (level > ctx.depth) return shortForm(value)
    ctx.currentDepth = level
  }

  const next = `${indent}  `
  if (Array.isArray(value)) {
    return layout(`${prefixFor(value, 'Array')}[`, arrayEntries(value, ctx, level, indent), ']', level, indent, ctx, value)
  }
  if (ArrayBuffer.isView(value)) {
    const typed = value as unknown as TypedArrayLike
    return layout(`${tag}(${String(typed.length)}) [`, typedArrayEntries(typed, ctx), ']', level, indent, ctx, typed)
  }
  if (value instanceof Map) {
    const entries = collectionEntries(value.entries(), value.size, ctx, (item) => {
      const [k, v] = item as [unknown, unknown]
      return `${inspect(k, ctx, level + 1, next)} => ${inspect(v, ctx, level + 1, next)}`
    })
    return layout(`${tag}(${String(value.size)}) {`, entries, '}', level, indent, ctx)
  }
  if (value instanceof Set) {
    const entries = collectionEntries(value.values(), value.size, ctx, (item) => inspect(item, ctx, level + 1, next))
    return layout(`${tag}(${String(value.size)}) {`, entries, '}', level, indent, ctx)
  }
  if (typeof WeakRef === 'function' && value instanceof WeakRef) {
    const target: unknown = value.deref()
    return `WeakRef { ${target === undefined ? '<cleared>' : inspect(target, ctx, level + 1, next)} }`
  }
  const entries = propertyEntries(value, ctx, level, indent, () => false)
  return layout(`${prefixFor(value, 'Object')}{`, entries, '}', level, indent, ctx)
}

function inspect(value: unknown, ctx: Context, level: number, indent: string): string {
  const primitive = formatPrimitive(value, ctx)
  if (primitive !== undefined) return primitive
  const object = value as object
  if (ctx.seen.includes(object)) return '[Circular]'
  ctx.seen.push(object)
  try {
    return inspectObject(object, ctx, level, indent)
  } finally {
    ctx.seen.pop()
  }
}

function context(options: FormatOptions): Context {
  return {
    depth: options.depth ?? 2,
    maxArrayLength: options.maxArrayLength ?? 100,
    maxStringLength: options.maxStringLength ?? 10_000,
    breakLength: options.breakLength ?? 80,
    seen: [],
    currentDepth: 0,
  }
}

/** One value as Node's `util.inspect` would show it (strings quoted). */
export function formatValue(value: unknown, options: FormatOptions = {}): string {
  return inspect(value, context(options), 0, '')
}

function formatPlain(value: unknown, options: FormatOptions): string {
  return typeof value === 'string' ? value : formatValue(value, options)
}

function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined'
  } catch {
    return '[Circular]'
  }
}

/** Apply one printf directive (`%s`, `%d`, `%i`, `%f`, `%j`, `%o`, `%O`, `%c`) to its argument. */
function directive(letter: string, arg: unknown, options: FormatOptions): string {
  switch (letter) {
    case 's':
      if (typeof arg === 'bigint') return `${String(arg)}n`
      if (typeof arg === 'object' && arg !== null) return formatValue(arg, { ...options, depth: 1 })
      return typeof arg === 'symbol' || typeof arg === 'number' ? formatPrimitive(arg, context(options)) ?? '' : String(arg)
    case 'd':
    case 'i': {
      if (typeof arg === 'bigint') return `${String(arg)}n`
      if (typeof arg === 'symbol' || (typeof arg === 'object' && arg !== null)) return 'NaN'
      const n = Number(arg)
      return formatNumber(letter === 'i' ? Math.trunc(n) : n)
    }
    case 'f': return typeof arg === 'symbol' ? 'NaN' : formatNumber(Number(arg))
    case 'j': return jsonOf(arg)
    case 'o': return formatValue(arg, { ...options, depth: 4 })
    case 'O': return formatValue(arg, options)
    default: return '' // %c: CSS has no meaning here
  }
}

/**
 * Console arguments to one line of text like Node's console.log: a leading string may hold printf
 * directives; top-level strings print plain, everything else as formatValue shows it.
 */
export function formatArgs(args: readonly unknown[], options: FormatOptions = {}): string {
  const [first, ...rest] = args
  const parts: string[] = []
  let remaining: unknown[] = rest
  if (typeof first === 'string' && first.includes('%') && rest.length > 0) {
    let index = 0
    parts.push(first.replace(/%([sdifjoOc%])/g, (whole, letter: string) => {
      if (letter === '%') return '%'
      if (index >= rest.length) return whole
      return directive(letter, rest[index++], options)
    }))
    remaining = rest.slice(index)
  } else if (args.length > 0) {
    parts.push(formatPlain(first, options))
  }
  for (const arg of remaining) parts.push(formatPlain(arg, options))
  return parts.join(' ')
}
