#!/usr/bin/env node
'use strict';

// Extracts t('...') calls into locales/en.json. Run before every release.
const fs = require('node:fs');
const path = require('node:path');
const { globSync } = require('glob');

const patterns = {};

function callPattern(fnName) {
  if (!patterns[fnName]) {
    patterns[fnName] = new RegExp(`\\b${fnName}\\(\\s*(['"\`])((?:\\\\.|(?!\\1).)*)\\1`, 'g');
  }
  patterns[fnName].lastIndex = 0;
  return patterns[fnName];
}

const functions = (process.env.I18N_FUNCTIONS || 't,i18n.t').split(',');
const messages = {};

for (const file of globSync('src/**/*.{ts,tsx,js,jsx}', { ignore: ['**/*.test.*'] })) {
  const source = fs.readFileSync(file, 'utf8');
  for (const fn of functions) {
    const re = callPattern(fn.replace('.', '\\.'));
    let match;
    while ((match = re.exec(source)) !== null) {
      messages[match[2]] = messages[match[2]] || match[2];
    }
  }
}

const out = path.join('locales', 'en.json');
fs.writeFileSync(out, JSON.stringify(messages, Object.keys(messages).sort(), 2) + '\n');
console.log(`${Object.keys(messages).length} messages -> ${out}`);
