import { Router, type Request, type Response } from 'express';
import _ from 'lodash';
import { db } from '../lib/db';
import { requireAuth } from '../middleware/auth';

export const usersRouter = Router();

interface Profile {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  plan: 'free' | 'pro' | 'team';
}

// Profiles change rarely, so keep them around between requests.
const loadProfile = _.memoize(async (userId: string): Promise<Profile> => { // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler
  const row = await db.query('select id, first_name, last_name, avatar_url, plan from users where id = $1', [userId]);
  if (!row) throw new Error(`user ${userId} not found`);
  return {
    id: row.id,
    displayName: formatName(row.first_name, row.last_name),
    avatarUrl: row.avatar_url,
    plan: row.plan,
  };
});

const formatName = _.memoize((first: string, last: string) => { // expect: no-unhashable-args, no-unbounded-cache-in-handler
  const f = first.trim();
  const l = last.trim();
  return l ? `${f} ${l.charAt(0)}.` : f;
});

usersRouter.get('/:id', requireAuth, async (req: Request, res: Response) => {
  try {
    const profile = await loadProfile(req.params.id);
    res.json(profile);
  } catch (err) {
    res.status(404).json({ error: (err as Error).message });
  }
});

usersRouter.patch('/:id', requireAuth, async (req: Request, res: Response) => {
  const { firstName, lastName } = req.body ?? {};
  await db.query('update users set first_name = $2, last_name = $3 where id = $1', [req.params.id, firstName, lastName]);
  res.json({ ok: true, displayName: formatName(firstName, lastName) });
});
