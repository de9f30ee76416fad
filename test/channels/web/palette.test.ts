// Issue 13 item 10: the card text colours on the white page, the amber "concern" included, meet WCAG AA.
import { describe, expect, it } from 'vitest';
import { CARD_TEXT_COLOURS } from '../../../src/channels/web/client/palette.js';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrastOnWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

describe('card text colours', () => {
  it('have at least 4.5:1 contrast on white, the amber concern colour too', () => {
    for (const [name, colour] of Object.entries(CARD_TEXT_COLOURS)) {
      expect(contrastOnWhite(colour), name).toBeGreaterThanOrEqual(4.5);
    }
    // The Adaptive Cards default amber (#E69500) that the page used before does not.
    expect(contrastOnWhite('#E69500')).toBeLessThan(4.5);
  });
});
