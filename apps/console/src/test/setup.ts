import '@testing-library/jest-dom/jest-globals';
import '@/lib/i18n';
import { installStyleFilter, SHOWN_OR_CLICKABLE } from './style-filter';
import { viewportWidth } from './viewport';

// antd reads these browser APIs that jsdom does not have
// a desktop-sized window (1280 px) unless a test narrows it: antd's breakpoints are min-width queries
const matchesWidth = (query: string): boolean => {
  const WIDTH = viewportWidth();
  const min = /min-width:\s*(\d+)px/.exec(query);
  const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
  return (!min || WIDTH >= Number(min[1])) && (!max || WIDTH <= Number(max[1]));
};
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: matchesWidth(query),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;
// jsdom's getComputedStyle refuses a pseudo-element argument (antd measures the scrollbar with one)
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);
// jsdom's getComputedStyle cascades every rule of every style sheet, and testing-library asks it for every element
// a role query or an accessible name looks at: with all of antd's injected CSS that was most of a page test's time.
// What a test can observe of antd's styles here is whether something is shown or can be clicked (jsdom lays nothing
// out), so the style elements antd injects keep only the rules that decide that (display, visibility,
// pointer-events, overflow), @media blocks included, in their order.
installStyleFilter(SHOWN_OR_CLICKABLE);
// jsdom has no scrolling; the router's scroll restoration calls it on every navigation
window.scrollTo = () => undefined;
