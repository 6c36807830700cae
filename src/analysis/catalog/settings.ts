/**
 * `settings['memo-guard']`: user extensions of the catalogs. Validated here and nowhere else; read
 * once per settings object. Every malformed shape is one problem that names its path; all of them
 * are reported together.
 */
import type { HandlerSetting } from './handler-catalog.js';
import { memoizerSources, memoizerSourcesFromSettings, type Keying, type MemoizerSetting, type MemoizerSource } from './memoizer-catalog.js';

export interface MemoGuardSettings {
  memoizers: readonly MemoizerSource[];
  handlers: readonly HandlerSetting[];
  /** Where summaries of other files are kept between lints: a folder, `false` for nowhere, unset for the default. */
  summaryCache?: string | false;
}

const root = "settings['memo-guard']";
const defaults: MemoGuardSettings = { memoizers: memoizerSources, handlers: [] };

/** Every keying a memoizer can have. */
export const keyings: readonly Keying[] = ['first-arg', 'all-identity', 'fn-length', 'json', 'custom', 'identity-by-design', 'value', 'string'];

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a non-empty string');
const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const isStringArray: Check = (v) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '') ? undefined : 'must be an array of strings';
const isKeying: Check = (v) => (keyings.includes(v as Keying) ? undefined : `must be one of ${keyings.map((k) => `'${k}'`).join(', ')}`);

/** The shape of each list entry: its properties, which are required, and how each is checked. */
interface EntryShape {
  properties: Readonly<Record<string, Check>>;
  required: readonly string[];
  /** At least one of these must be present (a handler needs something to match). */
  oneOf?: readonly string[];
}

const memoizerShape: EntryShape = {
  properties: { module: isString, export: isString, keying: isKeying, bounded: isBoolean, promiseSafe: isBoolean, resolverOptions: isStringArray },
  required: ['module'],
};

const handlerShape: EntryShape = {
  properties: { methods: isStringArray, receivers: isStringArray, exports: isStringArray },
  required: [],
  oneOf: ['methods', 'exports'],
};

const topLevel: Readonly<Record<string, EntryShape>> = { memoizers: memoizerShape, handlers: handlerShape };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `'lodash'` → `the string 'lodash'`: what was given, in a few words. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** The closest known name, for "did you mean": a small edit distance or a shared stem. */
function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return known.find((k) => {
    const kl = k.toLowerCase();
    return kl.startsWith(lower) || lower.startsWith(kl) || editDistance(lower, kl) <= 2;
  });
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unknownKey(where: string, key: string, known: readonly string[]): string {
  const guess = closest(key, known);
  const hint = guess ? ` (did you mean "${guess}"?)` : ` (known: ${known.join(', ')})`;
  return `${where} has an unknown key "${key}"${hint}`;
}

function entryProblems(where: string, value: unknown, shape: EntryShape): string[] {
  if (!isObject(value)) return [`${where} must be an object, got ${describe(value)}`];
  const known = Object.keys(shape.properties);
  const problems: string[] = [];
  for (const [key, property] of Object.entries(value)) {
    const check = shape.properties[key];
    if (!check) problems.push(unknownKey(where, key, known));
    else if (property !== undefined) {
      const problem = check(property);
      if (problem) problems.push(`${where}.${key} ${problem}, got ${describe(property)}`);
    }
  }
  for (const key of shape.required) if (value[key] === undefined) problems.push(`${where}.${key} is required`);
  if (shape.oneOf && !shape.oneOf.some((key) => value[key] !== undefined)) {
    problems.push(`${where} must have ${shape.oneOf.map((k) => `"${k}"`).join(' or ')}`);
  }
  return problems;
}

/** Every problem of `settings['memo-guard']`, one message each, naming its path; `[]` when valid or absent. */
export function settingsProblems(raw: unknown): string[] {
  if (raw === undefined) return [];
  if (!isObject(raw)) return [`${root} must be an object, got ${describe(raw)}`];
  const problems: string[] = [];
  for (const [key, list] of Object.entries(raw)) {
    const shape = topLevel[key];
    const where = `${root}.${key}`;
    if (key === 'summaryCache') {
      if (list !== undefined && list !== false && (typeof list !== 'string' || list === '')) problems.push(`${where} must be a folder (a non-empty string) or false, got ${describe(list)}`);
    } else if (!shape) problems.push(unknownKey(root, key, [...Object.keys(topLevel), 'summaryCache']));
    else if (list === undefined) continue;
    else if (!Array.isArray(list)) problems.push(`${where} must be an array of objects, got ${describe(list)}`);
    else list.forEach((entry, index) => problems.push(...entryProblems(`${where}[${index}]`, entry, shape)));
  }
  return problems;
}

/** A malformed `settings['memo-guard']`: the message has one line per problem. */
export class SettingsError extends TypeError {
  override name = 'SettingsError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const cache = new WeakMap<object, MemoGuardSettings>();

/** The validated settings with the catalogs extended; throws a `SettingsError` listing every problem. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): MemoGuardSettings {
  const raw = settings?.['memo-guard'];
  if (raw === undefined) return defaults;
  const cached = isObject(raw) ? cache.get(raw) : undefined;
  if (cached) return cached;
  const problems = settingsProblems(raw);
  if (problems.length > 0) throw new SettingsError(problems);
  const valid = raw as { memoizers?: MemoizerSetting[]; handlers?: HandlerSetting[]; summaryCache?: string | false };
  const result: MemoGuardSettings = {
    memoizers: [...memoizerSourcesFromSettings(valid.memoizers ?? []), ...memoizerSources],
    handlers: valid.handlers ?? [],
    ...(valid.summaryCache !== undefined ? { summaryCache: valid.summaryCache } : {}),
  };
  cache.set(raw as object, result);
  return result;
}
