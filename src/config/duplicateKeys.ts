/**
 * A key written twice in one object of the config (`"reference": "phone", … "reference":
 * "email"`): JSON.parse keeps the last silently, so an edit further down the file overrode the
 * one the user was looking at (found by an attack). The config is validated strictly: the
 * second is refused with its line and dotted path. Runs on text JSON.parse has accepted, so only
 * the tokens that shape it are read: strings (decoded, so `"\u0041"` is `A`), braces, brackets,
 * commas and colons; numbers and words are passed over.
 */
export interface DuplicateKey {
  /** Dotted path of the key written again (`sla.firstResponse.default`, `gates[1]` never: arrays hold no keys). */
  path: string;
  /** 1-based line of its second writing. */
  line: number;
}

interface Frame {
  readonly keys: Set<string> | null; // null: an array
  readonly path: string;
  index: number;
  expectKey: boolean;
  lastKey: string | null;
}

export function duplicateKey(text: string): DuplicateKey | null {
  const stack: Frame[] = [];
  let line = 1;
  const childPath = (parent: Frame | undefined): string => {
    if (!parent) return '';
    if (parent.keys === null) return `${parent.path}[${parent.index}]`;
    return parent.path ? `${parent.path}.${parent.lastKey ?? ''}` : (parent.lastKey ?? '');
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') line++;
    else if (c === '{' || c === '[') {
      stack.push({ keys: c === '{' ? new Set() : null, path: childPath(stack[stack.length - 1]), index: 0, expectKey: c === '{', lastKey: null });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top) {
        top.index++;
        if (top.keys !== null) top.expectKey = true;
      }
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && top.keys !== null && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return { path: top.path ? `${top.path}.${key}` : key, line };
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = j;
    }
  }
  return null;
}
