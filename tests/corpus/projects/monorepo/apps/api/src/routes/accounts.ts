import { Router, type Request, type Response, type NextFunction } from 'express';
import { createAccount, loadAccount, planLimits, renderWelcomeEmail, searchAccounts, type AccountSearch } from '@api/services/accounts';
import nodemailer from 'nodemailer';

export const accountsRouter = Router();

const mailer = nodemailer.createTransport(process.env.SMTP_URL ?? 'smtp://localhost:1025');

accountsRouter.get('/', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const filter: AccountSearch = {
      plan: req.query.plan as AccountSearch['plan'],
      email: typeof req.query.email === 'string' ? req.query.email : undefined,
    };
    const page = req.query.page ? Number(req.query.page) : undefined;
    res.json(await searchAccounts(filter, page));
  } catch (err) {
    next(err);
  }
});

accountsRouter.get('/:id', async (req, res, next) => {
  try {
    const account = await loadAccount(req.params.id);
    if (!account) return res.status(404).json({ error: 'not found' });
    res.json({ ...account, limits: planLimits(account.plan) });
  } catch (err) {
    next(err);
  }
});

accountsRouter.post('/', async (req, res, next) => {
  try {
    const account = await createAccount(req.body);
    await mailer.sendMail({ to: account.email, subject: 'Welcome to Acme', html: renderWelcomeEmail(account) });
    res.status(201).json(account);
  } catch (err) {
    next(err);
  }
});
