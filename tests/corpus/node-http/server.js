import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(process.env.STATIC_ROOT ?? 'public');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

// Files are read once and served from memory afterwards.
const fileContents = {}; // expect: no-unbounded-cache-in-handler

function readStatic(urlPath) {
  const safe = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const file = path.join(ROOT, safe === '/' ? 'index.html' : safe);
  if (!file.startsWith(ROOT)) return null;
  if (!(file in fileContents)) {
    fileContents[file] = fs.existsSync(file) ? fs.readFileSync(file) : null;
  }
  return fileContents[file] ? { file, body: fileContents[file] } : null;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const hit = readStatic(url.pathname);
  if (!hit) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(hit.file)] ?? 'application/octet-stream' });
  res.end(hit.body);
});

server.listen(Number(process.env.PORT ?? 8000), () => {
  console.log(`static server on http://localhost:${server.address().port}`);
});
