import { describe, expect, it } from 'vitest'
import { FIELD_ADDRESS, FIELD_SKIP, FIELD_TIME_LOCAL, FIELD_XFF, PRESET_FORMATS, compileLogFormat, findLiteral, literalAt } from '../../../demos/logs/log-format'
import { asciiBytes } from '../../../demos/logs/ipv4'

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes)

describe('compileLogFormat', () => {
  it('compiles combined up to the timestamp and no further', () => {
    const f = compileLogFormat('combined')
    expect(f.source).toBe(PRESET_FORMATS['combined'])
    expect(f.name).toBe('combined')
    expect([...f.kinds]).toEqual([FIELD_ADDRESS, FIELD_SKIP, FIELD_TIME_LOCAL])
    expect(f.literals.map(text)).toEqual([' - ', ' [', '] "'])
    expect(f.addressVariable).toBe('remote_addr')
    expect(f.timeVariable).toBe('time_local')
  })

  it('reads ${name} and $name, and keeps $ that starts no variable as text', () => {
    const f = compileLogFormat('cost=$$ ${remote_addr}|$time_local|$status')
    expect(f.variables).toEqual(['remote_addr', 'time_local', 'status'])
    expect(text(f.prefix)).toBe('cost=$$ ')
  })

  it('takes the client from X-Forwarded-For when asked, or when there is no $remote_addr', () => {
    const main = compileLogFormat('main', 'x_forwarded_for')
    expect(main.usesXff).toBe(true)
    expect(main.kinds[main.kinds.length - 1]).toBe(FIELD_XFF)
    expect(compileLogFormat('"$http_x_forwarded_for" [$time_local]').usesXff).toBe(true)
    expect(() => compileLogFormat('combined', 'x_forwarded_for')).toThrow(/no \$http_x_forwarded_for/)
  })

  it('explains formats it cannot read', () => {
    expect(() => compileLogFormat('$time_local $status')).toThrow(/no client address/)
    expect(() => compileLogFormat('$remote_user$status $remote_addr')).toThrow(/cannot tell where \$remote_user ends/)
    expect(() => compileLogFormat('${remote_addr')).toThrow(/without/)
    // adjacent variables after the last needed field are fine
    expect(() => compileLogFormat('$remote_addr $status$body_bytes_sent')).not.toThrow()
  })
})

describe('findLiteral / literalAt', () => {
  it('finds multi-byte separators', () => {
    const line = asciiBytes('a "b c" d')
    expect(findLiteral(line, 0, line.length, asciiBytes('" '))).toBe(6)
    expect(findLiteral(line, 0, 6, asciiBytes('" '))).toBe(-1)
    expect(literalAt(line, 1, line.length, asciiBytes(' "b'))).toBe(true)
    expect(literalAt(line, 8, line.length, asciiBytes('d!'))).toBe(false)
  })
})
