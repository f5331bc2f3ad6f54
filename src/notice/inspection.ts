// The two names of the same work: a 巡视 is done by the central and provincial party committees' groups
// (中央第二巡视组, 省委第一巡视组), a 巡察 by city, county and enterprise committees'. A notice's labels use the
// word its own inspection groups use.

export type InspectionWord = '巡视' | '巡察';

/** 巡视 when the notice's groups are 巡视 groups, else 巡察 (the common case, and the default). */
export function inspectionWord(groups: readonly string[] | undefined): InspectionWord {
  return groups?.length && groups.every((g) => g.includes('巡视')) ? '巡视' : '巡察';
}

/** The word a text uses first: how an opening paragraph names its inspection. */
export function inspectionWordIn(text: string): InspectionWord | undefined {
  const at = text.search(/巡[察视]/);
  return at < 0 ? undefined : (text.slice(at, at + 2) as InspectionWord);
}
