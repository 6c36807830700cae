import { Router } from 'express';
import TTLCache from '@isaacs/ttlcache';
import { randomInt, timingSafeEqual } from 'node:crypto';
import { sms } from '../lib/sms';

const router = Router();

// One pending code per phone number, gone after five minutes.
const pendingCodes = new TTLCache<string, { code: string; attempts: number }>({ max: 100_000, ttl: 5 * 60_000 });

router.post('/otp/send', async (req, res) => {
  const phone = String(req.body?.phone ?? '').replace(/\s+/g, '');
  if (!/^\+\d{8,15}$/.test(phone)) return res.status(400).json({ error: 'invalid phone number' });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  pendingCodes.set(phone, { code, attempts: 0 });
  await sms.send(phone, `Your code is ${code}`);
  res.status(204).end();
});

router.post('/otp/verify', (req, res) => {
  const phone = String(req.body?.phone ?? '');
  const entry = pendingCodes.get(phone);
  if (!entry) return res.status(410).json({ error: 'code expired' });
  entry.attempts += 1;
  const given = Buffer.from(String(req.body?.code ?? ''));
  const expected = Buffer.from(entry.code);
  if (given.length === expected.length && timingSafeEqual(given, expected)) {
    pendingCodes.delete(phone);
    return res.json({ verified: true });
  }
  if (entry.attempts >= 5) pendingCodes.delete(phone);
  res.status(401).json({ verified: false });
});

export default router;
