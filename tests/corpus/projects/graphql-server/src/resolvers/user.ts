import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import type { User } from '../db';
import { userLoader } from '../loaders';

export const userResolvers = {
  Query: {
    user: (_parent: unknown, { id }: { id: string }) => userLoader.load(id),
    me: (_parent: unknown, _args: unknown, ctx: Context) => {
      if (!ctx.viewer) throw new GraphQLError('not signed in', { extensions: { code: 'UNAUTHENTICATED' } });
      return ctx.viewer;
    },
  },
  User: {
    orders: (user: User, _args: unknown, ctx: Context) => ctx.loaders.ordersByUser.load(user.id),
    email: (user: User, _args: unknown, ctx: Context) => (ctx.viewer?.id === user.id ? user.email : null),
  },
};
