import { Router, type Request } from 'express';
import memoize from 'memoize';
import { LRUCache } from 'lru-cache';
import { directory } from '../lib/directory';

interface User {
  id: string;
  roles: string[];
}

const router = Router();

// Permission sets die with the user object they were computed for.
const permissionsByUser = new WeakMap<User, Set<string>>();

function permissionsOf(user: User): Set<string> {
  let perms = permissionsByUser.get(user);
  if (!perms) {
    perms = new Set(user.roles.flatMap((role) => directory.permissionsFor(role)));
    permissionsByUser.set(user, perms);
  }
  return perms;
}

const groupLabel = memoize((groupId: string) => directory.groupName(groupId) ?? groupId, {
  cache: new LRUCache<string, { data: string }>({ max: 500 }),
});

router.use((req: Request & { user?: User }, res, next) => {
  if (!req.user || !permissionsOf(req.user).has('admin:read')) {
    res.status(403).end();
    return;
  }
  next();
});

router.get('/groups/:id', (req, res) => {
  res.json({ id: req.params.id, label: groupLabel(req.params.id) });
});

router.get('/me/permissions', (req: Request & { user?: User }, res) => {
  res.json([...permissionsOf(req.user!)]);
});

export default router;
