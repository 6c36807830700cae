import Router from '@koa/router';
import Koa from 'koa';
import request from 'supertest';

// A stand-in upstream that records which cities it was asked about.
const askedFor = new Map<string, number>();
const upstream = new Koa();
const fake = new Router();
fake.get('/daily', (ctx) => {
  const city = String(ctx.query.q);
  askedFor.set(city, (askedFor.get(city) ?? 0) + 1);
  ctx.body = { city, days: [{ date: '2024-06-01', minC: 12, maxC: 21, summary: 'sunny' }] };
});
upstream.use(fake.routes());

describe('GET /forecast', () => {
  let server: ReturnType<typeof upstream.listen>;

  beforeAll(async () => {
    server = upstream.listen(0);
    const { port } = server.address() as { port: number };
    process.env.FORECAST_API = `http://127.0.0.1:${port}`;
  });

  afterAll(() => server.close());

  it('asks the upstream once per city', async () => {
    const { app } = await import('./app');
    await request(app.callback()).get('/forecast?city=berlin').expect(200);
    await request(app.callback()).get('/forecast?city=berlin').expect(200);
    expect(askedFor.get('berlin')).toBe(1);
  });
});
