import { describe, expect, it } from 'vitest'
import { aggregateChunks } from '../../../demos/logs/aggregator'
import { keyText, summarize } from '../../../demos/logs/summary'
import { text } from './support'

const line = (ip: string, minute = '00'): string => `${ip} - - [20/Jul/2025:00:${minute}:00 +0800] "GET / HTTP/1.1" 200 1 "-" "-"\n`

describe('summarize', () => {
  it('lists the top clients by hits, ties by address (IPv4 before IPv6), and hits per minute', () => {
    const input = text(line('10.0.0.3') + line('2001:db8::1') + line('10.0.0.2', '01') + line('10.0.0.3', '01') + line('10.0.0.2', '02') + line('2001:db8::1', '02'))
    const s = summarize(aggregateChunks([input]), { top: 2 })
    expect(s.top).toEqual([{ ip: '10.0.0.2', hits: 2, error: 0 }, { ip: '10.0.0.3', hits: 2, error: 0 }])
    expect(s.perMinute).toEqual([[29215680, 2], [29215681, 2], [29215682, 2]])
    expect(s).toMatchObject({ pv: 6, uv: 3, uvIpv4: 2, uvIpv6: 1, approximate: false, errorBounds: { uvRelativeStandardError: 0, uvRange: [3, 3], topHitsError: 0 } })
    expect(summarize(aggregateChunks([input]), { top: 0 }).top).toEqual([])
  })

  it('formats heavy-hitter keys', () => {
    expect(keyText(0, 0, 0xffff, 0x0a000001)).toBe('10.0.0.1')
    expect(keyText(0x20010db8, 0, 0, 1)).toBe('2001:db8::1')
  })
})
