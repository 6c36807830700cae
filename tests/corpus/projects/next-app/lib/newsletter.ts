import 'server-only';

const ESP_API = process.env.ESP_API ?? 'https://api.mailer.example.com/v1';

// Addresses that already subscribed from this instance: skip the provider call.
const subscribed = new Set<string>(); // expect: no-unbounded-cache-in-handler

// Confirmation mails being sent or sent, per address.
const confirmations = new Map<string, Promise<boolean>>(); // expect: no-unbounded-cache-in-handler

async function sendConfirmation(email: string): Promise<boolean> {
  const res = await fetch(`${ESP_API}/confirmations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.ESP_TOKEN}` },
    body: JSON.stringify({ email, template: 'double-opt-in' }),
  });
  if (!res.ok) throw new Error(`ESP answered ${res.status}`);
  return true;
}

export function confirm(email: string): Promise<boolean> {
  let sent = confirmations.get(email);
  if (!sent) {
    sent = sendConfirmation(email).catch((err) => {
      console.warn('confirmation mail failed', email, err);
      return false;
    });
    confirmations.set(email, sent);
  }
  return sent;
}

export async function subscribe(email: string, source: string): Promise<'subscribed' | 'already'> {
  const normalized = email.trim().toLowerCase();
  if (subscribed.has(normalized)) return 'already';
  const res = await fetch(`${ESP_API}/lists/main/members`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.ESP_TOKEN}` },
    body: JSON.stringify({ email: normalized, source }),
  });
  if (!res.ok) throw new Error(`ESP answered ${res.status}`);
  subscribed.add(normalized);
  await confirm(normalized);
  return 'subscribed';
}
