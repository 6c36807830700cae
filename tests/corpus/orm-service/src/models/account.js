const memoize = require('lodash/memoize');
const memoizee = require('memoizee');

function Account(row) {
  this.id = row.id;
  this.plan = row.plan;
  this.limits = row.limits;
  // Per-instance: each account gets its own memoized quota function.
  this.quotaFor = memoize(this.quotaFor.bind(this));
}

Account.prototype.quotaFor = function quotaFor(feature) {
  return this.limits[feature] ?? 0;
};

/** Memoized on the prototype: one cache for every account, keyed on the feature only. */
Account.prototype.canUse = memoize(function canUse(feature) { // expect: no-method-cache-leak
  return this.plan === 'enterprise' || this.quotaFor(feature) > 0;
});

/** Memoized on the prototype, but it never reads `this`: the same answer for every account. */
Account.prototype.featureLabel = memoize((feature) => feature.replace(/_/g, ' '));

/** The shared cache keyed on the account object itself: correct answers, every account kept alive. */
Account.prototype.usageReport = memoize( // expect: no-method-cache-leak
  function usageReport(month) {
    return `${this.id}:${month}`;
  },
  function key() {
    return this;
  },
);

/** Keyed on the account id and the argument: correct, and only strings are kept. */
Account.prototype.invoiceNumber = memoize(
  function invoiceNumber(month) {
    return `${this.id}-${month}`;
  },
  function key(month) {
    return `${this.id}:${month}`;
  },
);

Object.assign(Account.prototype, {
  /** Mixed in onto the prototype: shared too. */
  seatsLeft: memoizee(function seatsLeft(used) { // expect: no-method-cache-leak
    return this.limits.seats - used;
  }, { max: 100 }),
});

module.exports = { Account };
