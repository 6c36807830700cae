// Tiny response cache for the public catalogue endpoints. Entries carry an
// expiry time so stale pages are re-rendered after TTL_MS.
const TTL_MS = 30_000;

const pages = {}; // expect: no-unbounded-cache-in-handler

function isFresh(entry) {
  return entry !== undefined && entry.expires > Date.now();
}

export function installResponseCache(app) {
  app.use('/catalog', (req, res, next) => {
    if (req.method !== 'GET') return next();
    const cached = pages[req.originalUrl];
    if (isFresh(cached)) {
      res.set('X-Cache', 'HIT');
      res.type(cached.type).send(cached.body);
      return;
    }
    const send = res.send.bind(res);
    res.send = (body) => {
      if (res.statusCode === 200) {
        pages[req.originalUrl] = { body, type: res.get('Content-Type') ?? 'text/html', expires: Date.now() + TTL_MS };
      }
      res.set('X-Cache', 'MISS');
      return send(body);
    };
    next();
  });
}
