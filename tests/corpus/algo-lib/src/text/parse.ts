import moize from 'moize';
import memoizee from 'memoizee';
import { memoize } from 'eslint-plugin-memo-guard/memoize';

interface ExprNode {
  op?: '+' | '*';
  left: number;
  right: number;
  value: number;
}

/** Evaluates an expression tree stored as an array; memoized per instance, recursing through `this`. */
export class Evaluator {
  constructor(private readonly nodes: ExprNode[]) {}

  private readonly evaluate = moize((index: number): number => { // expect: no-recursive-cache-thrash
    const node = this.nodes[index];
    if (!node.op) return node.value;
    const l = this.evaluate(node.left);
    const r = this.evaluate(node.right);
    return node.op === '+' ? l + r : l * r;
  });

  run(): number {
    return this.evaluate(0);
  }
}

/** Word-break counts with memoizee and a generous bound. */
export const segmentations = memoizee(
  (text: string): number => {
    if (text === '') return 1;
    let total = 0;
    for (const word of ['a', 'an', 'and', 'the', 'then']) if (text.startsWith(word)) total += segmentations(text.slice(word.length));
    return total;
  },
  { max: 5000 },
);

/** memoizee bounded below its two call sites. */
export const interleavings = memoizee( // expect: no-recursive-cache-thrash
  (a: string, b: string): number => (a === '' || b === '' ? 1 : interleavings(a.slice(1), b) + interleavings(a, b.slice(1))),
  { max: 1 },
);

/** The runtime's default bound (500) against a recursion called with 30 at most. */
export const stairs = memoize((n: number): number => (n <= 1 ? 1 : stairs(n - 1) + stairs(n - 2)));
export const stairsTo30 = stairs(30);

/** The runtime's default bound against a range of 2000 inputs. */
export const hops = memoize((n: number): number => (n <= 2 ? n : hops(n - 1) + hops(n - 3))); // expect: no-recursive-cache-thrash
export const allHops = Array.from({ length: 10 }, (_, i) => i).concat(hops(2000));

/** Options we cannot see into: not judged. */
const options = { maxSize: Number(process.env.MEMO_SIZE ?? 100) };
export const stepsOpaque = moize((n: number): number => (n <= 1 ? 1 : stepsOpaque(n - 1) + stepsOpaque(n - 2)), options);
