import LRU from 'lru-cache';

// Rendered HTML per URL.
export const pageCache = new LRU<string, string>(); // expect: no-unbounded-cache-in-handler

// Rendered list fragments; an entry older than five minutes is re-rendered.
export const fragmentCache = new LRU<string, string>({ maxAge: 5 * 60_000 }); // expect: no-unbounded-cache-in-handler

// Station icons, resized.
export const iconCache = new LRU<string, Buffer>({ max: 500, maxAge: 60 * 60_000 });
