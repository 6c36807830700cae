import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient({ log: process.env.NODE_ENV === 'production' ? ['warn', 'error'] : ['query', 'warn', 'error'] });

export const config = {
  jwtSecret: process.env.JWT_SECRET ?? 'dev-secret',
  upstreams: (process.env.UPSTREAMS ?? 'https://api.example.com/health,https://cdn.example.com/health').split(','),
  plans: [
    { id: 'free', limits: { links: 50, customDomains: 0 } },
    { id: 'pro', limits: { links: 5_000, customDomains: 3 } },
    { id: 'business', limits: { links: 100_000, customDomains: 50 } },
  ],
};
