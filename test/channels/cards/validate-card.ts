// Validates a card JSON with the adaptivecards library, the way a 1.5 host parses it, and renders it
// into the DOM (jsdom) to read what a person would see. Test files using it run in jsdom (their first line says so).
import * as AC from 'adaptivecards';

// jsdom has no innerText, which the renderer uses for plain text; map it to textContent.
if (typeof HTMLElement !== 'undefined' && !Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'innerText')) {
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    get(this: HTMLElement) {
      return this.textContent ?? '';
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}

export interface CardCheck {
  /** Parse and validation events (unknown types, properties above 1.5, duplicate ids, ...). */
  problems: string[];
  /** The text a person sees on the rendered card. */
  visibleText: string;
  /** The rendered card's buttons: their titles. */
  buttons: string[];
}

export function checkCard(json: unknown): CardCheck {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const element = card.render();
  if (!element) problems.push('render: nothing rendered');
  const buttons = element ? [...element.querySelectorAll('button')].map((b) => b.textContent ?? '') : [];
  return { problems, visibleText: element?.textContent ?? '', buttons };
}
