import { memoize as memo } from 'lodash-es';
import { adminDb } from '../../lib/admin-db';

const roleLabel = memo((roleId) => { // expect: no-unbounded-cache-in-handler
  const role = adminDb.roles.find((r) => r.id === roleId);
  return role ? role.label : 'Unknown role';
});

function serialize(user) {
  return {
    id: user.id,
    email: user.email,
    role: roleLabel(user.roleId),
    lastSeen: user.lastSeenAt ? new Date(user.lastSeenAt).toISOString() : null,
  };
}

export default async function usersApi(req, res) {
  if (req.method === 'GET') {
    const page = Math.max(1, Number(req.query.page) || 1);
    const users = await adminDb.users.list({ offset: (page - 1) * 50, limit: 50 });
    return res.status(200).json(users.map(serialize));
  }
  if (req.method === 'DELETE') {
    await adminDb.users.remove(String(req.query.id));
    return res.status(204).end();
  }
  res.setHeader('Allow', 'GET, DELETE');
  return res.status(405).end();
}
