import { describe, expect, it } from 'vitest'
import { NaiveAggregator } from '../../../demos/logs/naive'
import { text } from './support'

describe('NaiveAggregator (the original algorithm)', () => {
  it('takes the first dotted quad anywhere in the line, decoding invalid UTF-8 without crashing', () => {
    const naive = new NaiveAggregator()
    const input = text('10.0.0.1 - - [x] "GET / HTTP/1.1"\n2001:db8::1 - - [x] "GET /api/geo?ip=198.51.100.23 HTTP/1.1"\n2001:db8::2 - - [x] "GET /"\n')
    naive.push(input.subarray(0, 20))
    naive.push(Uint8Array.of(0xb0, 0xd9, 10))
    naive.push(input.subarray(20))
    naive.push(text('10.0.0.1 last line'))
    naive.end()
    const r = naive.result()
    expect(r).toMatchObject({ engine: 'naive', lines: 5, pv: 3, uv: 2, skipped: 2 })
    expect(r.top).toEqual([{ ip: '10.0.0.1', hits: 2, error: 0 }, { ip: '198.51.100.23', hits: 1, error: 0 }])
  })
})
