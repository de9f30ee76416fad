// Slack reads &, < and > as markup (<!channel>, <@U123>, links). Everything that did not come from our own
// formatting passes through escapeSlack, so that text a user typed can never ping anyone.

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Turns the markup Slack puts into a message back into plain text for the engine:
 * <@U1> → @U1, <#C1|general> → #general, <https://x|label> → label (https://x), <!here> → @here, entities decoded.
 */
export function slackToPlain(text: string): string {
  const linked = text.replace(/<([^<>]+)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return label ? `@${label}` : target;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0] ?? ''}`;
    return label && label !== target ? `${label} (${target})` : target;
  });
  return linked.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Removes the leading mention of the bot from an app_mention text. */
export function stripBotMention(text: string, botUserId?: string): string {
  const pattern = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(pattern, '').trim();
}

/** Cuts text to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
