import { describe, expect, it } from '@jest/globals';
import { filterCss, SHOWN_OR_CLICKABLE as KEEP } from './style-filter';

describe('filterCss (the console tests’ style sheets)', () => {
  it('keeps the rules that decide whether something is shown or clickable, in order, and drops the rest', () => {
    const css =
      '.a{color:red;display:none}.b{padding:0}.c{visibility:hidden}.d{border-color:#fff}.e{pointer-events:none}' +
      '.f{overflow-y:auto}.g{text-overflow:ellipsis}.h{-webkit-box-orient:vertical;display:-webkit-box}';
    expect(filterCss(css, KEEP)).toBe('.a{color:red;display:none}.c{visibility:hidden}.e{pointer-events:none}.f{overflow-y:auto}.h{-webkit-box-orient:vertical;display:-webkit-box}');
  });

  it('filters inside @media and @supports, drops a block left empty and at-rules such as @keyframes', () => {
    const css =
      '@media (max-width: 575px){.a{display:none}.b{margin:0}}@media print{.c{color:#000}}' +
      '@keyframes fade{0%{opacity:0}100%{opacity:1}}@supports (display:grid){.d{display:grid}}@font-face{font-family:x}.e{display:block}';
    expect(filterCss(css, KEEP)).toBe('@media (max-width: 575px){.a{display:none}}@supports (display:grid){.d{display:grid}}.e{display:block}');
  });

  it('is not fooled by braces inside strings', () => {
    const css = '.a::before{content:"}"}.b{display:flex}.c{content:\'{\';color:red}.d{visibility:visible}';
    expect(filterCss(css, KEEP)).toBe('.b{display:flex}.d{visibility:visible}');
  });
});
