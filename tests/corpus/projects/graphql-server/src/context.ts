import type { IncomingMessage } from 'node:http';
import { createLoaders, type Loaders } from './loaders';
import { db, type User } from './db';

export interface Context {
  viewer: User | null;
  loaders: Loaders;
}

export async function createContext({ req }: { req: IncomingMessage }): Promise<Context> {
  const loaders = createLoaders();
  const token = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  let viewer: User | null = null;
  if (token) {
    const session = await db('sessions').where({ token }).andWhere('expires_at', '>', db.fn.now()).first();
    if (session) viewer = await loaders.users.load(session.user_id);
  }
  return { viewer, loaders };
}
