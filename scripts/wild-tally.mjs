#!/usr/bin/env node
// The judged findings in the wild, counted: for each rule, how many of the findings kept in
// tests/realworld/wild*.jsonl were judged true, minor or false, over every file and per file.
//
//   node scripts/wild-tally.mjs [--per-file] [--unseen-from N]
//
// `--unseen-from N`: only wild-unseenN.jsonl and the later unseen sets (each a set's first run).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/realworld');
const perFile = process.argv.includes('--per-file');
const fromArg = process.argv.indexOf('--unseen-from');
const unseenFrom = fromArg < 0 ? undefined : Number(process.argv[fromArg + 1]);
if (unseenFrom !== undefined && !Number.isInteger(unseenFrom)) {
  console.error('wild-tally: --unseen-from takes a set number N (wild-unseenN.jsonl)');
  process.exit(2);
}
/** Whether a file is kept: every labelled file, or with `--unseen-from N` the unseen sets from N on. */
const kept = (name) => unseenFrom === undefined || Number(/^wild-unseen(\d+)\.jsonl$/.exec(name)?.[1] ?? -1) >= unseenFrom;
const files = readdirSync(dir).filter((name) => /^wild.*\.jsonl$/.test(name) && kept(name)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/** `{ rule: { true, minor, false } }` of one list of findings. */
function tally(findings) {
  const counts = {};
  for (const { rule, verdict } of findings) {
    const name = rule.replace(/^memo-guard\//, '');
    counts[name] ??= { true: 0, minor: 0, false: 0 };
    if (!(verdict in counts[name])) throw new Error(`unknown verdict ${JSON.stringify(verdict)} for ${rule}`);
    counts[name][verdict] += 1;
  }
  return counts;
}

function print(label, counts) {
  for (const [rule, c] of Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))) {
    const all = c.true + c.minor + c.false;
    console.log(`${label}  ${rule}: ${c.true + c.minor} of ${all} true or minor (${c.true} true, ${c.minor} minor, ${c.false} false)`);
  }
}

const everything = [];
for (const name of files) {
  const findings = readFileSync(path.join(dir, name), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  everything.push(...findings);
  if (perFile) print(name, tally(findings));
}
print(`all ${String(files.length)} files`, tally(everything));
