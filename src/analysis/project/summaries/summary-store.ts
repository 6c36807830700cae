/**
 * Summaries of the project's other files, computed once per file text: kept in memory for the
 * process and on disk (`node_modules/.cache/memo-guard` by default) for the next lint, an editor's
 * cold start and ESLint's worker threads. An entry is keyed by a hash of the file's text, its kind
 * (the extension decides how it parses), the plugin's version and build, and the settings that
 * change a summary; an entry that is unreadable, for another key or of the wrong shape is ignored and
 * rebuilt. Writes go to a temporary file renamed into place, so readers never see half an entry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rename, statSync, unlink, writeFile } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { version } from '../../../package-info.js';
import { LruMap } from '../../../memoize/lru-map.js';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import type { MemoGuardSettings } from '../../catalog/settings.js';
import type { FileModel } from '../../model/file-model.js';
import type { FileSummary, ReachSummary } from '../../model/file-summary.js';
import { summarizeReach } from './summarize-reach.js';
import { parseSyntax, readSource } from '../files/sources.js';
import { summarize } from './summarize.js';
import { isFileSummary, isReachSummary } from './summary-shape.js';

/** Bump when the summary's shape or meaning changes: old entries then miss instead of misleading. */
const FORMAT = 2;
/** Summaries kept in memory: a few kilobytes each. */
const MAX_KEPT = 20_000;

const fingerprints = new WeakMap<MemoGuardSettings, string>();

/**
 * The analysis code itself, by the size and time of each of its files: a rebuilt plugin (a
 * development checkout, a patched install) never reads summaries an older build wrote, even at the
 * same version.
 */
const codeFingerprint = ((): string => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const hash = createHash('sha256');
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.[cm]?[jt]s$/.test(entry.name)) {
        try {
          const stat = statSync(file);
          hash.update(`${path.relative(root, file)}\0${String(stat.size)}\0${String(stat.mtimeMs)}\n`);
        } catch {
          // gone since the listing
        }
      }
    }
  };
  visit(root);
  return hash.digest('hex').slice(0, 16);
})();

function fingerprint(settings: MemoGuardSettings): string {
  let found = fingerprints.get(settings);
  if (found === undefined) {
    found = createHash('sha256').update(JSON.stringify(settings.memoizers)).digest('hex').slice(0, 16);
    fingerprints.set(settings, found);
  }
  return found;
}

/**
 * Where summaries are kept on disk, or `undefined` for nowhere: the `summaryCache` setting (a folder,
 * or `false`), else `MEMO_GUARD_CACHE_DIR` (`off` for none), else `node_modules/.cache/memo-guard`
 * under the working directory when it has a `node_modules` folder.
 */
export function cacheDirectory(settings: MemoGuardSettings, cwd = process.cwd()): string | undefined {
  if (settings.summaryCache === false) return undefined;
  if (typeof settings.summaryCache === 'string') return path.resolve(cwd, settings.summaryCache);
  const fromEnv = process.env.MEMO_GUARD_CACHE_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv === 'off' ? undefined : path.resolve(cwd, fromEnv);
  const modules = path.join(cwd, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'memo-guard') : undefined;
}

function entryPath(dir: string, key: string): string {
  return path.join(dir, `v${String(FORMAT)}`, key.slice(0, 2), `${key}.json`);
}

function readEntry<T>(dir: string, key: string, isValid: (value: unknown) => value is T): T | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(entryPath(dir, key), 'utf8'));
  } catch {
    return undefined;
  }
  const entry = raw as { key?: unknown; summary?: unknown } | null;
  return entry !== null && typeof entry === 'object' && entry.key === key && isValid(entry.summary) ? entry.summary : undefined;
}

const madeDirs = new Set<string>();

/**
 * Writes an entry in the background (the lint does not wait for the disk: creating thousands of small
 * files cost a cold lint of 5,000 files 3.6 s of its 46 s), whole or not at all: to a file of its own,
 * then renamed over the entry's name. A write that fails, or that a process exit cuts short, leaves
 * no entry (at worst a temporary file): the next lint computes the summary again.
 */
function writeEntry(dir: string, key: string, summary: unknown): void {
  const file = entryPath(dir, key);
  let temp: string;
  try {
    const folder = path.dirname(file);
    if (!madeDirs.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeDirs.add(folder);
    }
    temp = `${file}.${String(process.pid)}-${String(threadId)}-${randomBytes(4).toString('hex')}.tmp`;
  } catch {
    // A read-only or full disk: the summary stays in memory, the next lint computes it again.
    return;
  }
  writeFile(temp, JSON.stringify({ key, summary }), (writeError) => {
    if (writeError) {
      unlink(temp, ignore);
      return;
    }
    rename(temp, file, (renameError) => {
      if (renameError) unlink(temp, ignore);
    });
  });
}

function ignore(): void {
  // nothing to do: a temporary file that cannot be removed stays
}

interface Kind<T> {
  name: string;
  /** Whether the summary depends on where the file is (its role by path), not only on its text. */
  byPath: boolean;
  kept: LruMap<string, { text: string; key: string; summary: T | null }>;
  isValid: (value: unknown) => value is T;
}

/** A summary of `file` of one kind: from memory, else from disk, else computed (and then written). */
function cachedSummary<T>(file: string, settings: MemoGuardSettings, kind: Kind<T>, compute: () => T | undefined): T | undefined {
  const text = readSource(file);
  if (text === undefined) return undefined;
  const hit = kind.kept.get(file);
  // The same text as last time (the text cache hands back the same string while the file is unchanged): no hash needed.
  if (hit?.text === text) return hit.summary ?? undefined;
  const where = kind.byPath ? file : path.extname(file);
  const key = createHash('sha256').update(`${kind.name}\0${String(FORMAT)}\0${version}\0${codeFingerprint}\0${fingerprint(settings)}\0${where}\0`).update(text).digest('hex');
  if (hit?.key === key) {
    kind.kept.set(file, { ...hit, text });
    return hit.summary ?? undefined;
  }
  const dir = cacheDirectory(settings);
  let summary = dir === undefined ? undefined : readEntry(dir, key, kind.isValid);
  if (!summary) {
    summary = compute();
    if (summary && dir !== undefined) writeEntry(dir, key, summary);
  }
  kind.kept.set(file, { text, key, summary: summary ?? null });
  return summary;
}

const fileSummaries: Kind<FileSummary> = {
  name: 'file',
  byPath: false,
  kept: new LruMap(MAX_KEPT),
  isValid: isFileSummary,
};

/** The summary of another file of the project, or `undefined` when it cannot be read or parsed here. */
export function summaryOf(file: string, settings: MemoGuardSettings): FileSummary | undefined {
  return cachedSummary(file, settings, fileSummaries, () => {
    const syntax = parseSyntax(file);
    return syntax ? summarize(syntax, file, settings) : undefined;
  });
}

/**
 * Keeps the summary of a file the index has just parsed in full (for its model), read from that
 * tree: a later `summaryOf` then parses nothing. Nothing is done when the text has changed since.
 */
export function keepSummaryOfParsed(file: string, settings: MemoGuardSettings, sourceCode: Readonly<SourceCode>): void {
  if (readSource(file) !== sourceCode.text) return;
  cachedSummary(file, settings, fileSummaries, () => summarize({ ast: sourceCode.ast, text: sourceCode.text, visitorKeys: sourceCode.visitorKeys }, file, settings));
}

const reachSummaries: Kind<ReachSummary> = {
  name: 'reach',
  byPath: true,
  kept: new LruMap(MAX_KEPT),
  isValid: isReachSummary,
};

/** The reach summary of another file of the project, read from its model (`modelOf` parses it) when it is not kept. */
export function reachSummaryOf(file: string, settings: MemoGuardSettings, modelOf: (file: string) => FileModel | undefined): ReachSummary | undefined {
  return cachedSummary(file, settings, reachSummaries, () => {
    const model = modelOf(file);
    return model ? summarizeReach(model, true).summary : undefined;
  });
}
