import { createSelector } from 'reselect';
import type { AppState, Order } from '../store';

const selectOrderMap = (state: AppState) => state.orders.byId;
const selectStatuses = (_state: AppState, statuses: Order['status'][]) => statuses;

export const selectOrdersByStatus = createSelector([selectOrderMap, selectStatuses], (byId, statuses) =>
  Object.values(byId)
    .filter((order) => statuses.includes(order.status))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
);

export const selectOrderTotals = createSelector([selectOrderMap], (byId) => {
  let total = 0;
  let count = 0;
  for (const order of Object.values(byId)) {
    total += order.totalCents;
    count++;
  }
  return { total, count, average: count ? Math.round(total / count) : 0 };
});

const ACTIVE: Order['status'][] = ['open', 'pending'];

export const selectActiveOrders = (state: AppState) => selectOrdersByStatus(state, ACTIVE);

export const selectNeedsAttention = (state: AppState) =>
  selectOrdersByStatus(state, ['disputed', 'payment_failed']).slice(0, 10); // expect: no-unhashable-args
