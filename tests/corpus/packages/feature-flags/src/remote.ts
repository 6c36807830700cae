import _ from 'lodash';

export interface FlagDefinition {
  key: string;
  enabled: boolean;
  rollout: number;
}

const FLAGS_URL = process.env.FLAGS_URL ?? 'https://flags.internal/v1/flags';

const OFF: FlagDefinition = { key: '', enabled: false, rollout: 0 };

// A flag that cannot be fetched is treated as off; the service never fails because of flags.
export const fetchFlag = _.memoize(async (key: string): Promise<FlagDefinition> => {
  try {
    const res = await fetch(`${FLAGS_URL}/${encodeURIComponent(key)}`, { signal: AbortSignal.timeout(500) });
    if (!res.ok) return { ...OFF, key };
    return (await res.json()) as FlagDefinition;
  } catch (err) {
    console.warn(`flag ${key} unavailable, defaulting to off`, err);
    return { ...OFF, key };
  }
});

export function bucketOf(userId: string): number {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % 100;
}

export async function isEnabled(key: string, userId: string): Promise<boolean> {
  const flag = await fetchFlag(key);
  return flag.enabled && bucketOf(userId) < flag.rollout;
}

export function refreshFlags() {
  fetchFlag.cache.clear?.();
}
