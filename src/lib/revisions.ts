// What a notice page says about its source's history (src/lib/provenance): when it was first published
// on the site, when it was last revised, and whether it has been revised since publication.
import type { Revision } from './provenance';

export interface RevisionSummary {
  /** The oldest commit of the file. */
  published?: Revision;
  /** The newest commit, when there is more than one. */
  revised?: Revision;
  /** How many times the file was changed after it was first committed. */
  revisions: number;
}

export function summariseRevisions(revisions: Revision[] = []): RevisionSummary {
  return {
    published: revisions.at(-1),
    revised: revisions.length > 1 ? revisions[0] : undefined,
    revisions: Math.max(0, revisions.length - 1),
  };
}

/** The calendar day of a commit time, in the committer's own time zone: `2024-03-01T10:00:00+08:00` → `2024-03-01`. */
export const commitDay = (date: string) => date.slice(0, 10);
