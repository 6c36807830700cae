'use strict';

const memoize = require('lodash.memoize');
const { tenants } = require('../config/tenants.json');
const http = require('../lib/http');

const resolveTenant = memoize(function resolveTenant(host) { // expect: no-unbounded-cache-in-handler
  const bare = String(host || '').toLowerCase().replace(/:\d+$/, '');
  return tenants.find((t) => t.domains.includes(bare)) || null;
});

const fetchTenantSettings = memoize(async (tenantId) => { // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler
  const response = await http.get(`${process.env.SETTINGS_URL}/tenants/${tenantId}`);
  return response.data;
});

module.exports = function registerTenantMiddleware(app) {
  app.use(async (req, res, next) => {
    const tenant = resolveTenant(req.headers.host);
    if (!tenant) {
      res.status(421).send('Unknown tenant');
      return;
    }
    try {
      req.tenant = tenant;
      req.tenantSettings = await fetchTenantSettings(tenant.id);
      next();
    } catch (err) {
      next(err);
    }
  });
};
