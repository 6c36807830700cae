import Router from 'koa-router';
import * as R from 'ramda';
import got from 'got';

export const proxyRouter = new Router();

interface ServiceRecord {
  name: string;
  baseUrl: string;
  timeoutMs: number;
}

const describeService = R.memoizeWith(String, async (name: string): Promise<ServiceRecord> => { // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler
  const record = await got(`${process.env.REGISTRY_URL}/services/${name}`).json<ServiceRecord>();
  return record;
});

const toHeaderName = R.memoizeWith(R.identity, (key: string) =>
  key
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('-'),
);

proxyRouter.all('/svc/:name/(.*)', async (ctx) => {
  const service = await describeService(ctx.params.name);
  const upstream = await got(`${service.baseUrl}/${ctx.params[0]}`, {
    method: ctx.method as 'GET',
    timeout: { request: service.timeoutMs },
    throwHttpErrors: false,
  });
  ctx.status = upstream.statusCode;
  for (const [key, value] of Object.entries(upstream.headers)) {
    if (value !== undefined) ctx.set(toHeaderName(key), String(value));
  }
  ctx.body = upstream.rawBody;
});
