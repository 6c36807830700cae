import { Router } from 'express';
import { renderPdf } from '../lib/pdf';
import { warehouse } from '../lib/warehouse';

export const reportsRouter = Router();

interface Report {
  id: string;
  generatedAt: string;
  pdf: Buffer;
}

// Concurrent requests for the same report share one rendering job. The entry is
// dropped as soon as the job settles, whether it succeeded or not.
const inflight = new Map<string, Promise<Report>>();

async function buildReport(key: string): Promise<Report> {
  const [account, month] = key.split('/');
  const rows = await warehouse.monthlyUsage(account, month);
  const pdf = await renderPdf('usage-report', { account, month, rows });
  return { id: key, generatedAt: new Date().toISOString(), pdf };
}

function getReport(key: string): Promise<Report> {
  const existing = inflight.get(key);
  if (existing) return existing;
  const job = buildReport(key).finally(() => inflight.delete(key));
  inflight.set(key, job);
  return job;
}

reportsRouter.get('/:account/:month.pdf', async (req, res, next) => {
  try {
    const report = await getReport(`${req.params.account}/${req.params.month}`);
    res.type('application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${req.params.month}.pdf"`);
    res.send(report.pdf);
  } catch (err) {
    next(err);
  }
});

reportsRouter.get('/', async (req, res) => {
  const months = await warehouse.availableMonths(String(req.query.account ?? ''));
  res.json({ months, pending: inflight.size });
});
