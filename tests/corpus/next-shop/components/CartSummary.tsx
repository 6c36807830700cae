import { useSelector } from 'react-redux';
import { createSelector } from 'reselect';
import type { RootState } from '../store/store';
import { selectCartLines, selectFormattedTotal } from '../store/selectors';

interface SummaryOptions {
  includeShipping: boolean;
  country: string;
}

const selectShippingEstimate = createSelector(
  [selectCartLines, (_state: RootState, options: SummaryOptions) => options],
  (lines, options) => {
    if (!options.includeShipping) return 0;
    const grams = lines.reduce((g, line) => g + line.product.weightGrams * line.quantity, 0);
    return options.country === 'DE' ? 490 + Math.ceil(grams / 1000) * 100 : 1290;
  },
);

export function CartSummary({ country }: { country: string }) {
  const total = useSelector(selectFormattedTotal);
  const shippingCents = useSelector((state: RootState) =>
    selectShippingEstimate(state, { includeShipping: true, country }), // expect: no-unhashable-args
  );

  return (
    <aside className="cart-summary">
      <dl>
        <dt>Subtotal</dt>
        <dd>{total}</dd>
        <dt>Shipping</dt>
        <dd>{(shippingCents / 100).toFixed(2)}</dd>
      </dl>
      <button type="submit">Checkout</button>
    </aside>
  );
}
