// Who is looking at the inbox, and which cases that lets them see. A contact point logged in with their
// institution's token sees that institution's cases only; anything else must look as if it did not exist.

export type InboxViewer =
  /** Loopback with no token configured: this machine's user sees everything. */
  | { kind: 'open' }
  /** INBOX_TOKEN: every institution's cases. */
  | { kind: 'admin' }
  /** An institution's own token: that institution's cases only. */
  | { kind: 'institution'; institution: string };

export function sees(viewer: InboxViewer, institution: string): boolean {
  return viewer.kind !== 'institution' || viewer.institution === institution;
}

/** The store filter that limits a case list to what the viewer may see. */
export function caseFilter(viewer: InboxViewer): { institution?: string } {
  return viewer.kind === 'institution' ? { institution: viewer.institution } : {};
}
