import { Router, type NextFunction, type Request, type Response } from 'express';
import auth, { type Session } from '../services/auth-strategy';
import { cachedPreview, recordClick, resolveLink } from '../services/links';
import { forwardedFor, regionFor } from '../lib/geo';
import { prisma } from '../db';

const router = Router();

export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const session = auth.authenticate(req.get('authorization'));
  if (!session) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  res.locals.session = session;
  next();
}

router.get('/api/preview', requireAuth, async (req, res, next) => {
  try {
    const url = String(req.query.url ?? '');
    if (!/^https?:\/\//.test(url)) return res.status(400).json({ error: 'url must be http(s)' });
    res.json(await cachedPreview(url));
  } catch (err) {
    next(err);
  }
});

router.post('/api/links', requireAuth, async (req, res, next) => {
  try {
    const session = res.locals.session as Session;
    const link = await prisma.link.create({ data: { target: String(req.body.target), ownerId: session.userId } });
    res.status(201).json(link);
  } catch (err) {
    next(err);
  }
});

router.get('/:code', async (req, res, next) => {
  try {
    const link = await resolveLink(req.params.code);
    if (!link) return res.status(404).send('Link not found');
    recordClick(link);
    res.setHeader('X-Region', regionFor(forwardedFor(req)));
    res.redirect(302, link.target);
  } catch (err) {
    next(err);
  }
});

export default router;
