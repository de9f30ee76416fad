// The Adaptive Cards renderer is served as its own file (/static/adaptivecards.min.js) and sets this global.
import type * as AC from 'adaptivecards';

declare global {
  const AdaptiveCards: typeof AC;
}

export type { AC };
