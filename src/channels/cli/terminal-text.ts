// Text for a terminal (issue 13 item 11): the Markdown the engine writes becomes plain terminal text, and
// long lines wrap at word boundaries, continuation lines kept under their bullet or quote.

/** **bold**, _italic_, `code`, [label](url), "# heading" and "- item" as a terminal shows them. */
export function markdownToTerminal(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) {
        const title = inline(heading[1] ?? '');
        return `${title}\n${'-'.repeat(Math.min(title.length, 72))}`;
      }
      return inline(line.replace(/^(\s*)[-*]\s+/, '$1• '));
    })
    .join('\n');
}

function inline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(((?:https?|mailto):[^)\s]+)\)/g, (_m, label: string, url: string) => {
      const shown = url.startsWith('mailto:') ? url.slice(7) : url;
      return shown === label ? label : `${label} <${shown}>`;
    })
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|\s)_(.+?)_(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, '$1');
}

/** Wraps every line at `width` columns on word boundaries; a word longer than the line is left whole. */
export function wrapText(text: string, width: number): string {
  const limit = Math.max(20, width);
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= limit) return line;
      // Continuation lines start under the text of a bullet, number or quote marker.
      const lead = /^(\s*(?:[•>]\s+|\d{1,2}\.\s+|\[\d{1,2}\]\s+)?)/.exec(line)?.[1] ?? '';
      const pad = ' '.repeat(lead.length);
      const words = line.slice(lead.length).split(/ +/);
      const out: string[] = [];
      let current = lead;
      for (const word of words) {
        const start = out.length === 0 ? lead : pad;
        if (current.length > start.length && current.length + 1 + word.length > limit) {
          out.push(current);
          current = pad + word;
        } else {
          current = current.length > start.length ? `${current} ${word}` : `${current}${word}`;
        }
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}
