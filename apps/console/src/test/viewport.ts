// The width antd's breakpoints see in jsdom: a desktop (1280 px) unless a test asks for a phone.
let width = 1280;

export function viewportWidth(): number {
  return width;
}

/** `beforeAll(() => setViewportWidth(390))` renders the phone layout (cards, folded filters). */
export function setViewportWidth(px: number): void {
  width = px;
}
