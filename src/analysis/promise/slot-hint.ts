/**
 * A cheap look at a file's text: whether it may keep a promise in a slot it fills once and reuses
 * (`x ??= load()`, `if (!this.p) this.p = load()`, `if (p === undefined) p = load()`, `if (this.p) return this.p`,
 * `if (p) { const v = await p; …`, `return p || fill()`, a field or store
 * declared to hold promises). The early bail-out lets such files through to the walk.
 */

const SLOT_HINT = new RegExp(
  [
    // `x ??= load()`, `x ||= load()`
    String.raw`\?\?=|\|\|=`,
    // `if (!x) { x = …`, `if (!this.p[k]) this.p[k] = …`, `if (this.p) return this.p`
    String.raw`if\s*\(\s*!?\s*((?:this\.)?[\w$]+)(?:\[[^\]\n]*\])?\s*\)\s*\{?\s*(?:return\s+)?\1\b`,
    // `if (x) { const v = await x; …`: the slot awaited as soon as it is found filled
    String.raw`if\s*\(\s*((?:this\.)?[\w$]+)\s*\)\s*\{\s*(?:const|let|var)\s+[\w$]+\s*=\s*await\s+\2\b`,
    // `if (x === undefined) x = …`, `if (this.p == null) { this.p = …`
    String.raw`if\s*\(\s*((?:this\.)?[\w$]+)\s*===?\s*(?:undefined|null)\s*\)\s*\{?\s*\3\b`,
    // `return p || fill()`, `return p ?? fill()`: the caller runs the writer only while the slot is empty
    String.raw`return\s+(?:this\.)?[\w$]+\s*(?:\|\||\?\?)\s*(?:this\.)?[\w$.]+\(`,
    // `p: Promise<T>`, `Map<string, Promise<T>>`, `{ [key: string]: Promise<T> }`, `Record<string, Promise<T>>`
    String.raw`:\s*Promise(?:Like)?<|,\s*Promise(?:Like)?<|\]\s*:\s*Promise<`,
  ].join('|'),
);

export function mayHoldPromiseSlot(text: string): boolean {
  return SLOT_HINT.test(text);
}
