import { memoize } from 'lodash-es';

export interface Plan {
  id: string;
  seats: number;
}

export interface Invoice {
  id: string;
  status: 'draft' | 'open' | 'paid';
  total: number;
}

/**
 * The promise version of lodash-es `memoize`: a call that rejects takes its own entry out of the
 * cache before the caller sees the error, so the next call tries again.
 */
export function memoizePromise<A extends unknown[], R>(f: (...args: A) => Promise<R>, resolver: (...args: A) => string) {
  const memorized = memoize(async function (...args: A): Promise<R> {
    try {
      // Do not drop the `await`: the catch must see the rejection.
      return await f(...args);
    } catch (error) {
      memorized.cache.delete(resolver(...args));
      throw error;
    }
  }, resolver);
  return memorized;
}

// Drafts change, so a draft is dropped to be fetched again; a failed fetch is never dropped.
export const getInvoice = memoize(async (invoiceId: string): Promise<Invoice> => { // expect: no-unsafe-async-memoize
  const res = await fetch(`/v1/invoices/${invoiceId}`);
  if (!res.ok) throw new Error(`invoice ${invoiceId}: ${res.status}`);
  const invoice = (await res.json()) as Invoice;
  if (invoice.status === 'draft') getInvoice.cache.delete(invoiceId);
  return invoice;
});

export const getCustomer = memoize((customerId: string) =>
  fetch(`/v1/customers/${customerId}`)
    .then((res) => {
      if (!res.ok) throw new Error(`customer ${customerId}: ${res.status}`);
      return res.json() as Promise<{ id: string; email: string }>;
    })
    .catch((error: unknown) => {
      getCustomer.cache.delete(customerId);
      throw error;
    }),
);
