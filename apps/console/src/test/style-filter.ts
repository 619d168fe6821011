/** Declarations that decide whether an element is shown or can be clicked: all a jsdom test can observe of a style. */
export const SHOWN_OR_CLICKABLE = /(?:^|[;{\s])(?:display|visibility|pointer-events|overflow(?:-x|-y)?)\s*:/;

/**
 * Keeps, of the CSS a <style> element is given through innerHTML or textContent, only the rules whose declarations
 * match `keep` (inside @media and @supports blocks too; @keyframes, @font-face and the like are dropped). See setup.ts.
 */
export function filterCss(css: string, keep: RegExp): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    const prelude = css.slice(i, open).trim();
    const close = matchingBrace(css, open);
    const body = css.slice(open + 1, close);
    if (prelude.startsWith('@media') || prelude.startsWith('@supports')) {
      const inner = filterCss(body, keep);
      if (inner) out += `${prelude}{${inner}}`;
    } else if (!prelude.startsWith('@') && keep.test(`{${body}`)) {
      out += `${prelude}{${body}}`;
    }
    i = close + 1;
  }
  return out;
}

function matchingBrace(css: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let j = open; j < css.length; j += 1) {
    const c = css[j];
    if (quote) {
      if (c === '\\') j += 1;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return j;
  }
  return css.length;
}

/** Filters what every <style> element of the test document is given from now on (the setters antd's injection uses). */
export function installStyleFilter(keep: RegExp): void {
  for (const [proto, name] of [
    [Element.prototype, 'innerHTML'],
    [Node.prototype, 'textContent'],
  ] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
    Object.defineProperty(proto, name, {
      ...descriptor,
      set(this: Node, value: string | null) {
        descriptor.set!.call(this, this instanceof HTMLStyleElement && typeof value === 'string' ? filterCss(value, keep) : value);
      },
    });
  }
}
