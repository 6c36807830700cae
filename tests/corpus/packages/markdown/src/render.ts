import memize from 'memize';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

export const renderMarkdown = memize( // expect: no-unsafe-async-memoize
  async (source: string) => {
    const file = await processor.process(source);
    return String(file);
  },
  { maxSize: 100 },
);

export const headingId = memize((text: string) =>
  text
    .toLowerCase()
    .trim()
    .replace(/[^\w\s-]/g, '')
    .replace(/\s+/g, '-'),
);

export function extractHeadings(source: string): { depth: number; text: string; id: string }[] {
  const headings: { depth: number; text: string; id: string }[] = [];
  for (const line of source.split('\n')) {
    const match = /^(#{1,6})\s+(.+?)\s*#*$/.exec(line);
    if (match) headings.push({ depth: match[1].length, text: match[2], id: headingId(match[2]) });
  }
  return headings;
}
