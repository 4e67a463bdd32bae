import type { Exercise } from './types'

/** 8.6: two functions whose callers share state by accident; the reader makes every call independent. */
export const defaultsExercise: Exercise = {
  id: 'ex-8-6-defaults',
  section: '8.6',
  title: { en: 'Exercise: stop the callers sharing state', zh: '练习：别让调用方共享状态' },
  task: {
    en: 'Fix `addTag` and `createCart` so that calls which leave out the list, and carts created one after another, never share an array. A caller who passes their own array must get that same array back, with the tag added. Keep the names and signatures.',
    zh: '修好 `addTag` 和 `createCart`：省略列表参数的多次调用、先后创建的多个购物车，都不能共享同一个数组。调用方自己传入的数组必须原样返回（并加上新标签）。保持函数名和签名不变。',
  },
  starter: `const NO_TAGS: string[] = []

function addTag(tag: string, tags: string[] = NO_TAGS): string[] {
  tags.push(tag)
  return tags
}

const emptyCart = { items: [] as string[] }

function createCart() {
  const cart = emptyCart
  return { add: (item: string) => { cart.items.push(item) }, items: () => cart.items }
}

console.log(addTag("intro"), addTag("outro"))
`,
  solution: `function addTag(tag: string, tags: string[] = []): string[] {
  tags.push(tag)            // the default [] is evaluated on every call
  return tags
}

function createCart() {
  const cart = { items: [] as string[] }   // a new object per cart
  return { add: (item: string) => { cart.items.push(item) }, items: () => cart.items }
}

console.log(addTag("intro"), addTag("outro"))
`,
  checks: [
    {
      id: 'independent-calls',
      title: { en: 'Two calls without a list return two different one-item arrays', zh: '两次不传列表的调用返回两个不同的单元素数组' },
      hint: {
        en: 'The default names an array that exists once, at module level. Write the default as `= []` so a new array is built per call.',
        zh: '默认值指向模块级的同一个数组。把默认值写成 `= []`，每次调用都会新建数组。',
      },
      code: `const a = addTag('a'); const b = addTag('b')
    return { pass: a !== b && __ex.same(a, ['a']) && __ex.same(b, ['b']), detail: JSON.stringify([a, b]) }`,
    },
    {
      id: 'caller-array',
      title: { en: "A caller's own (empty) array is used and returned", zh: '调用方传入的（空）数组被原样使用并返回' },
      hint: {
        en: 'Do not replace an array the caller passed in, even an empty one (the `bag or []` errata of 8.6).',
        zh: '不要替换调用方传入的数组，哪怕它是空的（见 8.6 勘误里的 `bag or []`）。',
      },
      code: `const mine: string[] = []
    const back = addTag('x', mine)
    return back === mine && __ex.same(mine, ['x'])`,
    },
    {
      id: 'separate-carts',
      title: { en: 'Two carts do not share their items', zh: '两个购物车不共享商品' },
      hint: {
        en: 'Every cart gets the same object literal. Create the object inside `createCart`, as Vue needs `data()` to return a new object.',
        zh: '所有购物车拿到的是同一个对象字面量。像 Vue 要求 `data()` 返回新对象那样，在 `createCart` 里面创建对象。',
      },
      code: `const c1 = createCart(); const c2 = createCart()
    c1.add('tea')
    return { pass: c2.items().length === 0 && c1.items().length === 1, detail: 'second cart: ' + JSON.stringify(c2.items()) }`,
    },
  ],
  timeLimitMs: 10_000,
}
