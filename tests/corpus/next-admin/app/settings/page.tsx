import { cache } from 'react';
import { notFound } from 'next/navigation';
import { adminDb } from '../../lib/admin-db';

// React's cache() lives for one server render only.
const getSettings = cache(async (orgId: string) => adminDb.settings.forOrg(orgId));

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const { org } = await searchParams;
  if (!org) notFound();
  const settings = await getSettings(org);
  const groups = new Map<string, { key: string; value: string }[]>();
  for (const entry of settings.entries) {
    const group = entry.key.split('.')[0];
    groups.set(group, [...(groups.get(group) ?? []), entry]);
  }

  return (
    <main>
      <h1>Settings for {settings.orgName}</h1>
      {[...groups].map(([group, entries]) => (
        <section key={group}>
          <h2>{group}</h2>
          <dl>
            {entries.map((e) => (
              <div key={e.key}>
                <dt>{e.key}</dt>
                <dd>{e.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </main>
  );
}
