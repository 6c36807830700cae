import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';

let client: PrismaClient | undefined;

/** One Prisma client per process, created on first use. */
export function getClient(): PrismaClient {
  if (!client) client = new PrismaClient();
  return client;
}

export const pool = new Pool({ connectionString: process.env.DATABASE_URL });
