import memoize from 'memoizee';
import nanomemoize from 'nano-memoize';
import { request } from './transport.mjs';

/**
 * Resource helpers of the public SDK. Reference data (plans, regions) rarely changes, so it is
 * memoized for the lifetime of the client.
 */
export function createResources(client) {
  const getPlan = memoize( // expect: no-unsafe-async-memoize
    async (planId) => {
      const body = await request(client, 'GET', `/v2/plans/${planId}`);
      return body.plan;
    },
    { max: 50 },
  );

  const listRegions = memoize(async () => (await request(client, 'GET', '/v2/regions')).regions, {
    promise: 'then',
    maxAge: 3_600_000,
  });

  const regionName = nanomemoize(async (code) => { // expect: no-unsafe-async-memoize
    const regions = await listRegions();
    return regions.find((r) => r.code === code)?.name ?? code;
  });

  return {
    getPlan,
    listRegions,
    regionName,
    async describeSubscription(subscription) {
      const [plan, region] = await Promise.all([getPlan(subscription.planId), regionName(subscription.region)]);
      return `${plan.name} in ${region}`;
    },
  };
}
