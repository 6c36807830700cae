import express, { Router } from 'express';
import { verifySignature } from '../lib/signing';
import { enqueue } from '../lib/queue';

const router = Router();

// Delivery ids we are processing right now; retries of an in-flight delivery are acknowledged
// without doing the work twice. Ids are removed once processing is done.
const processing = new Set<string>();

// Deduplicates concurrent secret fetches; the entry is cleared when the promise settles either way.
const secretRequests = new Map<string, Promise<string>>();

async function fetchSecret(source: string): Promise<string> {
  const res = await fetch(`${process.env.VAULT_URL}/v1/webhooks/${source}`);
  if (!res.ok) throw new Error(`vault ${res.status}`);
  return (await res.json()).secret;
}

function secretFor(source: string): Promise<string> {
  let pending = secretRequests.get(source);
  if (!pending) {
    const clear = () => secretRequests.delete(source);
    pending = fetchSecret(source);
    pending.then(clear, clear);
    secretRequests.set(source, pending);
  }
  return pending;
}

router.post('/:source', express.raw({ type: '*/*' }), async (req, res) => {
  const deliveryId = req.get('X-Delivery-Id');
  if (!deliveryId) return res.status(400).send('missing delivery id');
  if (processing.has(deliveryId)) return res.status(202).send('already processing');

  processing.add(deliveryId);
  try {
    const secret = await secretFor(req.params.source);
    if (!verifySignature(req.body, req.get('X-Signature') ?? '', secret)) {
      return res.status(401).send('bad signature');
    }
    await enqueue('webhook', { source: req.params.source, deliveryId, body: req.body.toString('utf8') });
    res.status(204).end();
  } finally {
    processing.delete(deliveryId);
  }
});

export default router;
