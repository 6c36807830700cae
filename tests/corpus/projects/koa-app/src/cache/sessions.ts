import NodeCache from 'node-cache';

export interface Cart {
  items: { stationId: string; plan: 'hourly' | 'daily' }[];
  updatedAt: number;
}

// Carts of anonymous visitors, by cookie id: the only copy until checkout.
const carts = new NodeCache({ useClones: false }); // expect: no-unbounded-cache-in-handler

// One-time login codes, valid five minutes.
const loginCodes = new NodeCache({ stdTTL: 300, checkperiod: 60 });

/** Session store in the shape koa-session expects. */
export const sessionStore = {
  get(sid: string): Cart | undefined {
    return carts.get<Cart>(sid);
  },
  set(sid: string, cart: Cart): void {
    carts.set(sid, { ...cart, updatedAt: Date.now() });
  },
};

export function issueLoginCode(email: string): string {
  const code = String(Math.floor(100_000 + Math.random() * 900_000));
  loginCodes.set(email.toLowerCase(), code);
  return code;
}

export function checkLoginCode(email: string, code: string): boolean {
  const expected = loginCodes.get<string>(email.toLowerCase());
  if (expected === undefined || expected !== code) return false;
  loginCodes.del(email.toLowerCase());
  return true;
}
