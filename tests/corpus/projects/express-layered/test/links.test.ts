import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import express, { type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';

// Handlers of a throwaway app that record what they saw.
const hitsByQuery = new Map<string, number>();
const tokensSeen: Record<string, true> = {};

function record(req: Request, _res: Response, next: NextFunction) {
  const q = String(req.query.q ?? '');
  hitsByQuery.set(q, (hitsByQuery.get(q) ?? 0) + 1);
  next();
}

describe('link routes', () => {
  const app = express();

  before(() => {
    app.use(record);
    app.get('/echo', (req, res) => {
      tokensSeen[req.get('authorization') ?? 'none'] = true;
      res.json({ q: req.query.q });
    });
  });

  it('records one hit per query value', async () => {
    await request(app).get('/echo?q=a').expect(200);
    await request(app).get('/echo?q=a').expect(200);
    await request(app).get('/echo?q=b').set('authorization', 'Bearer t').expect(200);
    assert.equal(hitsByQuery.get('a'), 2);
    assert.deepEqual(Object.keys(tokensSeen).sort(), ['Bearer t', 'none']);
  });
});
