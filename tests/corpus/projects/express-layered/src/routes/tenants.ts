import { Router } from 'express';
import { prisma } from '../db';
import { EXPORT_FORMATS, cssForHost, exporterFor, type ExportFormat } from '../services/tenants';
import { requireAuth } from './links';
import type { Session } from '../services/auth-strategy';

const router = Router();

router.get('/theme.css', async (req, res, next) => {
  try {
    const css = await cssForHost(req.hostname);
    if (css === null) return res.status(404).end();
    res.type('text/css').set('Cache-Control', 'public, max-age=300').send(css);
  } catch (err) {
    next(err);
  }
});

router.get('/api/export/:format', requireAuth, async (req, res, next) => {
  try {
    const { format } = req.params;
    if (!EXPORT_FORMATS.has(format)) return res.status(400).json({ error: `unknown format ${format}` });
    const session = res.locals.session as Session;
    const links = await prisma.link.findMany({ where: { ownerId: session.userId }, select: { code: true, target: true, clicks: true } });
    res.attachment(`links.${format}`).send(exporterFor(format as ExportFormat)(links));
  } catch (err) {
    next(err);
  }
});

export default router;
