// Renders an Adaptive Card JSON with the `adaptivecards` library and reports Action.Submit clicks.
import type { AC } from './globals.js';
import { CARD_TEXT_COLOURS } from './palette.js';

/**
 * TextBlock markdown, minimal and safe: HTML is escaped first, then backslash escapes are undone and
 * **bold** / _italic_ applied. Everything someone wrote arrives as TextRuns, which are never processed.
 */
function processMarkdown(text: string, result: AC.IMarkdownProcessingResult): void {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const formatted = escaped
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|\s)_(.+?)_(?=\s|$|[.,;:])/g, '$1<em>$2</em>')
    .replace(/\\(.)/g, '$1')
    .replace(/\n/g, '<br>');
  result.outputHtml = formatted;
  result.didProcess = true;
}

let configured = false;

function configure(): AC.HostConfig {
  if (!configured) {
    AdaptiveCards.AdaptiveCard.onProcessMarkdown = processMarkdown;
    configured = true;
  }
  return new AdaptiveCards.HostConfig({
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    supportsInteractivity: true,
    // Every container style gets the same readable text colours (the defaults fail WCAG AA on white and tints).
    containerStyles: Object.fromEntries(
      (['default', 'emphasis', 'good', 'attention', 'warning', 'accent'] as const).map((style) => [
        style,
        {
          ...(style === 'default' ? { backgroundColor: '#FFFFFF' } : {}),
          foregroundColors: Object.fromEntries(Object.entries(CARD_TEXT_COLOURS).map(([name, colour]) => [name, { default: colour, subtle: colour }])),
        },
      ]),
    ),
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 12 },
    actions: { maxActions: 12, actionsOrientation: 'horizontal', actionAlignment: 'left', buttonSpacing: 8, spacing: 'default' },
  });
}

export interface Submitted {
  data: Record<string, unknown>;
  /** What the researcher chose or typed, for their side of the transcript. */
  label: string;
}

/** Cards rendered on this page, for ids that stay unique when two outcomes are in the transcript. */
let rendered = 0;

/**
 * A part's title opens and closes it (Action.ToggleVisibility; Enter or Space on the focused title). Its header
 * holds the title twice (doc-<kind>-open "▾", doc-<kind>-closed "▸") above the body (doc-<kind>-body); the
 * renderer does not say whether the part is open, so aria-controls and aria-expanded are set here. The ids
 * repeat in every outcome card and get a per-card prefix, so that they stay unique on the page.
 */
function accessibleToggles(root: HTMLElement): void {
  const prefix = `card${++rendered}-`;
  root.querySelectorAll<HTMLElement>('[id^="doc-"]').forEach((el) => {
    el.id = `${prefix}${el.id}`;
  });
  root.querySelectorAll<HTMLElement>(`[id^="${prefix}doc-"][id$="-open"]`).forEach((openTitle) => {
    const toggle = openTitle.closest<HTMLElement>('.ac-selectable');
    const body = root.querySelector<HTMLElement>(`#${CSS.escape(openTitle.id.replace(/-open$/, '-body'))}`);
    if (!toggle || !body) return;
    toggle.setAttribute('aria-controls', body.id);
    const closedTitle = root.querySelector<HTMLElement>(`#${CSS.escape(openTitle.id.replace(/-open$/, '-closed'))}`);
    const update = (): void => {
      toggle.setAttribute('aria-expanded', String(body.style.display !== 'none'));
      // The renderer also marks each shown or hidden part aria-expanded, which a plain block may not carry.
      for (const part of [body, openTitle, closedTitle]) part?.removeAttribute('aria-expanded');
    };
    update();
    // The renderer's own handlers were set first, so the body has already changed when these run.
    toggle.addEventListener('click', update);
    toggle.addEventListener('keypress', update);
  });
}

export function renderCard(card: unknown, onSubmit: (submitted: Submitted) => void): HTMLElement {
  const adaptive = new AdaptiveCards.AdaptiveCard();
  adaptive.hostConfig = configure();
  adaptive.onExecuteAction = (action: AC.Action) => {
    // Links in a card are our own (content URLs, mail addresses, /sources/...): open them in a new tab.
    if (action instanceof AdaptiveCards.OpenUrlAction) {
      const url = action.url ?? '';
      if (/^(https?:|mailto:|\/)/i.test(url)) window.open(url, '_blank', 'noopener');
      return;
    }
    if (!(action instanceof AdaptiveCards.SubmitAction)) return;
    const data = (action.data ?? {}) as Record<string, unknown>;
    const typed = typeof data.answerText === 'string' ? data.answerText : undefined;
    onSubmit({ data, label: typed ?? action.title ?? '' });
  };
  adaptive.parse(card);
  const element = adaptive.render();
  const wrapper = document.createElement('div');
  wrapper.className = 'card';
  if (element) {
    // The renderer marks heading text blocks role="heading" without a level; screen readers need one.
    element.querySelectorAll('[role="heading"]:not([aria-level])').forEach((h) => h.setAttribute('aria-level', '3'));
    accessibleToggles(element);
    wrapper.appendChild(element);
  }
  return wrapper;
}
