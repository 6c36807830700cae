import { Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { sendMail } from './mailer';
import { renderTemplate } from './templates';

const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: null });

interface MailJob {
  template: string;
  to: string;
  locale: string;
  data: Record<string, unknown>;
}

// Compiled templates for this worker process. There are a few dozen templates in total.
const compiled = new Map<string, (data: Record<string, unknown>) => string>();

function templateFor(name: string, locale: string) {
  const key = `${name}.${locale}`;
  let render = compiled.get(key);
  if (!render) {
    render = renderTemplate(name, locale);
    compiled.set(key, render);
  }
  return render;
}

const worker = new Worker<MailJob>(
  'mail',
  async (job: Job<MailJob>) => {
    const html = templateFor(job.data.template, job.data.locale)(job.data.data);
    await sendMail({ to: job.data.to, html, subject: String(job.data.data.subject ?? '') });
    return { deliveredAt: Date.now() };
  },
  { connection, concurrency: 8 },
);

worker.on('failed', (job, err) => {
  console.error(`mail job ${job?.id} failed: ${err.message}`);
});

process.on('SIGTERM', async () => {
  await worker.close();
  await connection.quit();
});
