/** `settings['memo-guard']`: user extensions of the catalogs, read once per file. */
import type { HandlerSetting } from './handler-catalog.js';
import { memoizerSources, memoizerSourcesFromSettings, type MemoizerSetting, type MemoizerSource } from './memoizer-catalog.js';

export interface MemoGuardSettings {
  memoizers: readonly MemoizerSource[];
  handlers: readonly HandlerSetting[];
}

const defaults: MemoGuardSettings = { memoizers: memoizerSources, handlers: [] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const memoizerKeys = new Set(['module', 'export', 'keying', 'bounded', 'promiseSafe', 'resolverOptions']);
const keyings = new Set(['first-arg', 'all-identity', 'fn-length', 'json', 'custom', 'identity-by-design', 'value']);

/** Validates one memoizer setting; a bad one is a configuration error that names what is wrong. */
function toMemoizerSetting(value: unknown, index: number): MemoizerSetting {
  const where = `settings['memo-guard'].memoizers[${index}]`;
  if (!isObject(value) || typeof value.module !== 'string') throw new TypeError(`${where} must be an object with a string "module"`);
  for (const key of Object.keys(value)) if (!memoizerKeys.has(key)) throw new TypeError(`${where} has an unknown property "${key}"`);
  if (value.keying !== undefined && (typeof value.keying !== 'string' || !keyings.has(value.keying))) throw new TypeError(`${where}.keying must be one of ${[...keyings].join(', ')}`);
  return value as unknown as MemoizerSetting;
}

const cache = new WeakMap<object, MemoGuardSettings>();

export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): MemoGuardSettings {
  const raw = settings?.['memo-guard'];
  if (!isObject(raw)) return defaults;
  const cached = cache.get(raw);
  if (cached) return cached;
  const memoizers = Array.isArray(raw.memoizers) ? raw.memoizers.map(toMemoizerSetting) : [];
  const handlers = Array.isArray(raw.handlers) ? (raw.handlers.filter(isObject) as HandlerSetting[]) : [];
  const result: MemoGuardSettings = { memoizers: [...memoizerSourcesFromSettings(memoizers), ...memoizerSources], handlers };
  cache.set(raw, result);
  return result;
}
