import { createSelector, weakMapMemoize } from 'reselect';
import type { RootState } from './store';

export const selectCartItems = (state: RootState) => state.cart.items;
export const selectProducts = (state: RootState) => state.catalog.bySlug;
export const selectCurrency = (state: RootState) => state.settings.currency;

export const selectCartLines = createSelector([selectCartItems, selectProducts], (items, products) =>
  items
    .map((item) => ({ ...item, product: products[item.slug] }))
    .filter((line) => line.product !== undefined),
);

export const selectCartTotal = createSelector([selectCartLines], (lines) =>
  lines.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0),
);

export const selectCartCount = createSelector([selectCartItems], (items) =>
  items.reduce((n, item) => n + item.quantity, 0),
);

export const selectFormattedTotal = createSelector(
  [selectCartTotal, selectCurrency],
  (total, currency) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(total / 100),
  { memoize: weakMapMemoize, argsMemoize: weakMapMemoize },
);
