'use strict';

const fp = require('fastify-plugin');
const nanomemoize = require('nano-memoize');
const { rulesFor } = require('../flags/rules');

function hashBucket(userId) {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) | 0;
  return Math.abs(h) % 100;
}

const evaluateFlags = nanomemoize((userId, segment) => { // expect: no-unbounded-cache-in-handler
  const bucket = hashBucket(userId);
  const result = {};
  for (const rule of rulesFor(segment)) {
    result[rule.flag] = rule.segments.includes(segment) || bucket < rule.rolloutPercent;
  }
  return result;
});

module.exports = fp(async function flagsPlugin(fastify) {
  fastify.route({
    method: 'GET',
    url: '/flags',
    schema: { querystring: { type: 'object', properties: { user: { type: 'string' } } } },
    handler: async (request) => {
      const userId = request.query.user || request.ip;
      const segment = request.headers['x-segment'] || 'default';
      return evaluateFlags(userId, segment);
    },
  });
});
