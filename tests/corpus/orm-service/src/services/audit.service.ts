import memoize from 'lodash/memoize';
import { appendFileSync, readFileSync } from 'node:fs';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';

const AUDIT_LOG = process.env.AUDIT_LOG ?? '/var/log/app/audit.log';

/** Appends an audit line: memoized, the second identical event is never written. */
export const auditOnce = memoize((event: string) => { // expect: no-side-effect-memoize
  appendFileSync(AUDIT_LOG, `${new Date().toISOString()} ${event}\n`);
  return true;
});

/** Writes a report file through a helper. */
function writeReport(name: string, body: string) {
  fs.writeFileSync(`/tmp/reports/${name}.txt`, body);
  return name;
}
export const exportReport = memoize((name: string) => writeReport(name, `report ${name}`)); // expect: no-side-effect-memoize

/** Reads a template file: reading is fine to memoize. */
export const template = memoize((name: string) => readFileSync(`/etc/app/templates/${name}.hbs`, 'utf8'));

/** A fresh correlation id per request, frozen by the cache. */
export const correlationId = memoize((requestKey: string) => `${requestKey}-${randomUUID()}`); // expect: no-side-effect-memoize

/** Formats a timestamp given as an argument: deterministic. */
export const isoDay = memoize((epochMs: number) => new Date(epochMs).toISOString().slice(0, 10));
