// What a notice page says about its source's history (src/provenance/git): when it was first published
// on the site, when it was last revised, and whether it has been revised since publication.
import type { Revision } from './git';

export interface RevisionSummary {
  /** The oldest commit of the file. */
  published?: Revision;
  /** The newest commit, when there is more than one and it holds the text built. */
  revised?: Revision;
  /** How many times the file was changed after it was first committed, as far as the page may say. */
  revisions: number;
  /** The versions the page lists: every commit, newest first, when there is more than one. */
  listed: Revision[];
}

/**
 * `uncommitted`: the source differs from its last commit, as when a webmaster builds to look before
 * `git commit`. Its first publication is still true, but the last commit's date and the list of versions
 * would describe older text than the page shows (本站最后修改 would be false), and the change itself has no
 * date yet; so they are left out, and appear with the next build after the commit.
 */
export function summariseRevisions(revisions: Revision[] = [], uncommitted = false): RevisionSummary {
  const known = uncommitted ? revisions.slice(-1) : revisions;
  return {
    published: known.at(-1),
    revised: known.length > 1 ? known[0] : undefined,
    revisions: Math.max(0, known.length - 1),
    listed: known.length > 1 ? known : [],
  };
}

/** Whether a notice has a 修订对照 page: more than one version, the newest being the text built. */
export const hasRevisions = (history?: { revisions: Revision[]; uncommitted: boolean }) =>
  summariseRevisions(history?.revisions, history?.uncommitted).listed.length > 1;

/** The calendar day of a commit time, in the committer's own time zone: `2024-03-01T10:00:00+08:00` → `2024-03-01`. */
export const commitDay = (date: string) => date.slice(0, 10);
