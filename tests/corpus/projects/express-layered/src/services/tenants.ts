import _ from 'lodash';
import * as sass from 'sass';
import { config, prisma } from '../db';

export type ExportFormat = 'csv' | 'json' | 'ndjson';
export const EXPORT_FORMATS: ReadonlySet<string> = new Set<ExportFormat>(['csv', 'json', 'ndjson']);

export interface Theme {
  primary: string;
  radius: number;
  font: string;
}

type Exporter = (rows: Record<string, unknown>[]) => string;

const planLimits = new Map<string, { links: number; customDomains: number }>();
for (const plan of config.plans) planLimits.set(plan.id, plan.limits);

// Custom domain -> tenant id (null when no tenant owns that host).
const tenantIdByHost = new Map<string, string | null>(); // expect: no-unbounded-cache-in-handler

const exporters = new Map<ExportFormat, Exporter>();

export const themeCss = _.memoize((tenantId: string, theme: Theme): string => // expect: no-unhashable-args, no-unbounded-memoize
  sass.compileString(`:root { --primary: ${theme.primary}; --radius: ${theme.radius}px; --font: ${theme.font}; }`).css,
);

export async function tenantForHost(host: string) {
  let tenantId = tenantIdByHost.get(host);
  if (tenantId === undefined) {
    const domain = await prisma.customDomain.findUnique({ where: { host }, select: { tenantId: true } });
    tenantId = domain?.tenantId ?? null;
    tenantIdByHost.set(host, tenantId);
  }
  if (tenantId === null) return null;
  const tenant = await prisma.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) return null;
  return { ...tenant, limits: planLimits.get(tenant.plan) ?? planLimits.get('free') };
}

export async function cssForHost(host: string): Promise<string | null> {
  const tenant = await tenantForHost(host);
  if (!tenant) return null;
  return themeCss(tenant.id, tenant.theme as unknown as Theme);
}

export function exporterFor(format: ExportFormat): Exporter {
  let exporter = exporters.get(format);
  if (!exporter) {
    exporter =
      format === 'csv'
        ? (rows) => [Object.keys(rows[0] ?? {}).join(','), ...rows.map((r) => Object.values(r).map(String).join(','))].join('\n')
        : format === 'ndjson'
          ? (rows) => rows.map((r) => JSON.stringify(r)).join('\n')
          : (rows) => JSON.stringify(rows);
    exporters.set(format, exporter);
  }
  return exporter;
}
