'use strict';

const { memoize } = require('lodash');
const https = require('node:https');

function getJsonRaw(url) {
  return new Promise((resolve, reject) => {
    https
      .get(url, { headers: { Accept: 'application/json' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          if (res.statusCode >= 400) reject(new Error(`${url}: HTTP ${res.statusCode}`));
          else resolve(JSON.parse(body));
        });
      })
      .on('error', reject);
  });
}

const getJson = memoize(function getJson(url) { // expect: no-unsafe-async-memoize
  return new Promise((resolve, reject) => {
    getJsonRaw(url).then(resolve, reject);
  });
});

const schemaUrl = memoize((name) => `https://schemas.example.com/v1/${encodeURIComponent(name)}.json`);

module.exports = {
  getJson,
  schemaUrl,
  loadSchema: (name) => getJson(schemaUrl(name)),
};
