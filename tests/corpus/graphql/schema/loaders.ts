import { GraphQLError } from 'graphql';

export interface Organization {
  id: string;
  name: string;
  plan: 'starter' | 'business' | 'enterprise';
  seats: number;
}

const ORG_API = process.env.ORG_API ?? 'http://orgs.internal';

async function fetchOrganization(id: string): Promise<Organization> {
  const res = await fetch(`${ORG_API}/orgs/${encodeURIComponent(id)}`);
  if (res.status === 404) throw new GraphQLError(`Organization ${id} not found`, { extensions: { code: 'NOT_FOUND' } });
  if (!res.ok) throw new Error(`org service ${res.status}`);
  return (await res.json()) as Organization;
}

// Organizations are shared across all requests of this process.
const organizations: Record<string, Promise<Organization>> = {};

export function loadOrganization(id: string): Promise<Organization> {
  if (!(id in organizations)) {
    organizations[id] = fetchOrganization(id); // expect: no-unsafe-async-memoize
  }
  return organizations[id];
}

export async function seatsLeft(orgId: string, used: number): Promise<number> {
  const org = await loadOrganization(orgId);
  return Math.max(0, org.seats - used);
}
