import { Router } from 'express';
import { previewFor } from '../services/previews';

const router = Router();

router.get('/api/preview', async (req, res, next) => {
  try {
    const url = String(req.query.url ?? '');
    const width = Number(req.query.width ?? 600);
    res.json(await previewFor(url, width));
  } catch (err) {
    next(err);
  }
});

export default router;
