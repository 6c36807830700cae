import Router from '@koa/router';
import moize from 'moize';
import { loadGatewayConfig } from '../config.js';

export const upstreamsRouter = new Router({ prefix: '/upstreams' });

const config = await loadGatewayConfig();

// Filled once from the static gateway config; requests only read it.
const upstreamsByName = new Map();
for (const upstream of config.upstreams) {
  upstreamsByName.set(upstream.name, { ...upstream, weight: upstream.weight ?? 1 });
}

const pickTarget = moize((name, attempt) => {
  const upstream = upstreamsByName.get(name);
  if (!upstream) return null;
  return upstream.targets[attempt % upstream.targets.length];
});

upstreamsRouter.get('/', (ctx) => {
  ctx.body = [...upstreamsByName.values()].map(({ name, weight, targets }) => ({ name, weight, targets: targets.length }));
});

upstreamsRouter.get('/:name/target', (ctx) => {
  const attempt = Number(ctx.query.attempt ?? 0);
  const target = pickTarget(ctx.params.name, attempt);
  if (!target) ctx.throw(404, `no upstream ${ctx.params.name}`);
  ctx.body = { target };
});
