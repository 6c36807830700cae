import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A fake rates provider that records what it was asked for.
const requestsByPath = new Map<string, number>();
let upstream: http.Server;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const key = req.url ?? '/';
    requestsByPath.set(key, (requestsByPath.get(key) ?? 0) + 1);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ base: 'USD', date: '2024-05-01', rates: { EUR: 0.93, GBP: 0.8 } }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  process.env.RATES_URL = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(() => {
  upstream.close();
});

describe('convert', () => {
  it('asks the provider once per target currency', async () => {
    const { convert } = await import('../services/rates');
    const app = express();
    const seenTargets: Record<string, true> = {};
    app.get('/convert', async (req, res) => {
      const to = String(req.query.to);
      seenTargets[to] = true;
      res.json({ value: await convert(100, 'EUR', to) });
    });
    await request(app).get('/convert?to=USD').expect(200);
    await request(app).get('/convert?to=USD').expect(200);
    expect(Object.keys(seenTargets)).toEqual(['USD']);
    expect(requestsByPath.get('/latest?base=USD')).toBe(1);
  });
});
