'use strict';

const fp = require('fastify-plugin');

// Country lookups by client address, and the set of regions the service has rendered maps for.
module.exports = fp(async function geoPlugin(fastify) {
  fastify.decorate('geoByIp', new Map()); // expect: no-unbounded-cache-in-handler
  fastify.decorate('regions', new Set());
  fastify.decorate('geoConfig', { provider: 'maxmind', timeoutMs: 500 });

  const sweep = setInterval(() => fastify.regions.clear(), 10 * 60 * 1000);
  fastify.addHook('onClose', async () => clearInterval(sweep));

  fastify.get('/geo', async function (request) {
    const ip = request.headers['x-forwarded-for']?.split(',')[0].trim() || request.ip;
    let geo = this.geoByIp.get(ip);
    if (!geo) {
      const res = await fetch(`https://geo.internal/lookup?ip=${encodeURIComponent(ip)}`, { signal: AbortSignal.timeout(this.geoConfig.timeoutMs) });
      geo = await res.json();
      this.geoByIp.set(ip, geo);
    }
    request.server.regions.add(geo.region);
    return geo;
  });
});
