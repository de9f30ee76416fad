// A mail address as a Slack link when it looks like one; otherwise the escaped text.
import { escapeSlack } from '../escape.js';

export function isEmail(text: string): boolean {
  return /^[^\s<>|@&]+@[^\s<>|@&]+\.[a-z]{2,}$/i.test(text);
}

export function emailLink(email: string): string {
  return isEmail(email) ? `<mailto:${email}|${email}>` : escapeSlack(email);
}
