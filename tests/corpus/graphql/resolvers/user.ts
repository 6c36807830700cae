import DataLoader from 'dataloader';
import moize from 'moize';
import type { GraphQLContext } from '../context';
import { usersDb, type UserRow } from '../db/users';

// A fresh loader per request batches the N+1 lookups of one query.
export function createUserLoader() {
  return new DataLoader<string, UserRow | null>(async (ids) => {
    const rows = await usersDb.byIds([...ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

const rolesSummary = moize((roles: string[]) => { // expect: no-unhashable-args
  const unique = [...new Set(roles)].sort();
  return unique.length > 3 ? `${unique.slice(0, 3).join(', ')} +${unique.length - 3}` : unique.join(', ');
});

export const userResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: GraphQLContext) => (ctx.userId ? ctx.loaders.user.load(ctx.userId) : null),
    user: (_: unknown, args: { id: string }, ctx: GraphQLContext) => ctx.loaders.user.load(args.id),
  },
  User: {
    displayName: (user: UserRow) => user.nickname ?? user.email.split('@')[0],
    rolesSummary: (user: UserRow) => rolesSummary(user.roles),
    manager: (user: UserRow, _: unknown, ctx: GraphQLContext) =>
      user.managerId ? ctx.loaders.user.load(user.managerId) : null,
  },
};
