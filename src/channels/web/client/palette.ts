// Text colours of the cards on the white page. The Adaptive Cards defaults are too light for small text
// (the amber "concern" is about 2:1 on white); these all meet WCAG AA (4.5:1) for normal text.
export const CARD_TEXT_COLOURS = {
  default: '#1d2733',
  dark: '#1d2733',
  light: '#5b6573',
  accent: '#0b5cad',
  good: '#1b6e20',
  warning: '#8a4b00',
  attention: '#b00020',
} as const;
