// One turn in progress: the state being changed and what is said and done. Engine-internal.
import { pick } from '../domain/lang.js';
import type { Playbook } from '../content/schema/playbook.js';
import type { EngineContext } from './context.js';
import { makeT, type T } from './i18n.js';
import type { Choice, ConversationState, Effect, Reply, TurnMeta } from './types.js';

export class Turn {
  readonly replies: Reply[] = [];
  readonly effects: Effect[] = [];

  constructor(
    readonly ctx: EngineContext,
    readonly meta: TurnMeta,
    public state: ConversationState,
  ) {}

  get t(): T {
    return makeT(this.ctx.content, this.state.lang);
  }

  get playbook(): Playbook | undefined {
    return this.state.playbook ? this.ctx.content.playbooks.get(this.state.playbook.id) : undefined;
  }

  say(text: string): void {
    this.replies.push({ kind: 'text', text });
  }

  menu(text: string, choices: Choice[]): void {
    this.replies.push({ kind: 'menu', text, choices });
  }

  playbookChoices(): Choice[] {
    const lang = this.state.lang;
    return this.ctx.content.playbookOrder.flatMap((id) => {
      const pb = this.ctx.content.playbooks.get(id);
      return pb ? [{ label: pick(pb.title, lang), value: `start:${id}` }] : [];
    });
  }

  showMenu(textKey = 'welcome'): void {
    this.menu(this.t(textKey), this.playbookChoices());
  }
}
