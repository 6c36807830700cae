import { Router } from 'express';
import { db, config } from '../env';
import { convert, getHolidayCalendar, getSupportedCurrencies } from '@api/services/rates';

export const reportsRouter = Router();

reportsRouter.get('/currencies', async (_req, res) => {
  res.json({ currencies: await getSupportedCurrencies() });
});

reportsRouter.get('/revenue', async (req, res, next) => {
  try {
    const currency = String(req.query.currency ?? 'EUR').toUpperCase();
    const { rows } = await db.query<{ month: string; total_eur: string }>(
      "select to_char(paid_at, 'YYYY-MM') as month, sum(amount_eur) as total_eur from invoices group by 1 order by 1",
    );
    const holidays = await getHolidayCalendar(config.homeCountry);
    const months = await Promise.all(
      rows.map(async (row) => ({ month: row.month, total: await convert(Number(row.total_eur), 'EUR', currency) })),
    );
    res.json({ currency, months, holidays: holidays.length });
  } catch (err) {
    next(err);
  }
});
