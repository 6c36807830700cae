/**
 * How many strings a regular expression literal can match whole: `/^\d{6}$/` matches 10^6 of them,
 * `/^[A-Z]{2,4}$/` about 475,000, `/^[\w-]+$/` and anything not anchored at both ends without limit.
 * A value that passed such a test is one of that many, however many requests send one.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** Counts above this are taken as unbounded: they only get that large through repetition. */
const CAP = 1e12;
const parser = new RegExpParser();

/** The characters a set matches: `\d` 10, `\w` 63; any other (`.`, `\s`, a Unicode property) is too many to list. */
function setSize(set: AST.CharacterSet): number {
  if (set.kind === 'digit') return set.negate ? Infinity : 10;
  if (set.kind === 'word') return set.negate ? Infinity : 63;
  return Infinity;
}

function classSize(element: AST.CharacterClass | AST.ExpressionCharacterClass, ignoreCase: boolean): number {
  if (element.type !== 'CharacterClass' || element.negate) return Infinity;
  let size = 0;
  for (const member of element.elements) {
    if (member.type === 'Character') size += 1;
    else if (member.type === 'CharacterClassRange') size += member.max.value - member.min.value + 1;
    else if (member.type === 'CharacterSet') size += setSize(member);
    else return Infinity;
  }
  return ignoreCase ? size * 2 : size;
}

/** How many strings an element matches (Infinity when not bounded or not understood). */
function elementCount(element: AST.Element, ignoreCase: boolean): number {
  switch (element.type) {
    case 'Character':
      return 1;
    case 'CharacterSet':
      return setSize(element);
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return classSize(element, ignoreCase);
    case 'Group':
    case 'CapturingGroup':
      return alternativesCount(element.alternatives, ignoreCase);
    case 'Quantifier': {
      const inner = elementCount(element.element, ignoreCase);
      if (!Number.isFinite(element.max) || !Number.isFinite(inner)) return Infinity;
      let total = 0;
      for (let times = element.min; times <= element.max && total <= CAP; times++) total += inner ** times;
      return total;
    }
    default:
      // Assertions inside, back-references: not counted.
      return Infinity;
  }
}

function alternativeCount(elements: readonly AST.Element[], ignoreCase: boolean): number {
  let product = 1;
  for (const element of elements) {
    product *= elementCount(element, ignoreCase);
    if (product > CAP) return Infinity;
  }
  return product;
}

function alternativesCount(alternatives: readonly AST.Alternative[], ignoreCase: boolean): number {
  let sum = 0;
  for (const alternative of alternatives) sum += alternativeCount(alternative.elements, ignoreCase);
  return sum > CAP ? Infinity : sum;
}

/** Whether an alternative is anchored at both ends: `^…$`. */
function anchored(elements: readonly AST.Element[]): boolean {
  const [first] = elements;
  const last = elements.at(-1);
  return first?.type === 'Assertion' && first.kind === 'start' && last?.type === 'Assertion' && last.kind === 'end';
}

/**
 * The number of whole strings a regular expression literal's test lets through, Infinity when it is
 * not anchored at both ends (in every alternative), is multiline, or repeats without limit.
 */
export function patternValueCount(pattern: string, flags: string): number {
  if (flags.includes('m')) return Infinity;
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  } catch {
    return Infinity;
  }
  // `/^(?:a|b)$/` is anchored around one group; `/^a$|^b$/` in each alternative.
  let sum = 0;
  for (const alternative of ast.alternatives) {
    if (!anchored(alternative.elements)) return Infinity;
    sum += alternativeCount(alternative.elements.slice(1, -1), flags.includes('i'));
  }
  return sum > CAP ? Infinity : sum;
}
