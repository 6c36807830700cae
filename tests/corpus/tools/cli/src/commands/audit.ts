import { Command } from 'commander';
import memoize from 'memoize';
import pc from 'picocolors';
import { readLockfile } from '../lockfile';

interface Advisory {
  id: string;
  severity: 'low' | 'moderate' | 'high' | 'critical';
  vulnerable: string;
}

const fetchAdvisories = memoize(async (pkg: string): Promise<Advisory[]> => { // expect: no-unsafe-async-memoize
  const res = await fetch(`https://registry.npmjs.org/-/npm/v1/security/advisories/search?package=${encodeURIComponent(pkg)}`);
  if (!res.ok) throw new Error(`advisory lookup for ${pkg} failed: ${res.status}`);
  const body = (await res.json()) as { objects: Advisory[] };
  return body.objects;
});

export const auditCommand = new Command('audit')
  .description('check the lockfile against the advisory database')
  .option('--level <severity>', 'lowest severity to report', 'moderate')
  .action(async (opts: { level: Advisory['severity'] }) => {
    const order = ['low', 'moderate', 'high', 'critical'];
    const lock = await readLockfile(process.cwd());
    let findings = 0;
    for (const [name, version] of Object.entries(lock.packages)) {
      const advisories = await fetchAdvisories(name);
      for (const advisory of advisories) {
        if (order.indexOf(advisory.severity) < order.indexOf(opts.level)) continue;
        findings++;
        console.log(`${pc.red(advisory.severity.padEnd(9))} ${name}@${version} ${pc.dim(advisory.id)}`);
      }
    }
    if (findings > 0) process.exitCode = 1;
  });
