import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { preloadTemplates } from './cache/templates';
import { conditionalGet } from './middleware/etag';
import { rateLimit } from './middleware/rate-limit';
import { router } from './router';

const VIEWS = (process.env.VIEWS ?? 'home,forecast,layout').split(',');
preloadTemplates(VIEWS);

export const app = new Koa();
app.proxy = true;

const etag = conditionalGet();
const limiter = rateLimit({ max: 300, windowMs: 60_000 });

app.use(limiter);
app.use(etag);
app.use(bodyParser({ jsonLimit: '16kb' }));
app.use(router.routes());
app.use(router.allowedMethods());

if (require.main === module) {
  app.listen(Number(process.env.PORT ?? 3000));
}
