// Warns about the “……” that `npm run new` leaves in a skeleton notice: forgotten, it would be published as it is.
import type { Diagnostic } from '../base/diagnostics';
import type { NoticeFile } from './file';

/** What the skeleton writes wherever the webmaster has to fill something in. */
export const PLACEHOLDER = '……';

/** Line numbers listed in the warning; more would make one warning fill the screen. */
const SHOWN_LINES = 8;

/**
 * One warning per notice that still has the placeholder in its body, at its first line. A warning, not an error:
 * a real notice may quote an ellipsis, and a draft must still pass `npm run check` while it is being written.
 */
export function placeholderWarnings(notice: Pick<NoticeFile, 'file' | 'body' | 'bodyLineOffset'>): Diagnostic[] {
  const lines = notice.body.split('\n').flatMap((text, i) => (text.includes(PLACEHOLDER) ? [i + 1 + notice.bodyLineOffset] : []));
  if (lines.length === 0) return [];
  const listed = `第 ${lines.slice(0, SHOWN_LINES).join('、')} 行${lines.length > SHOWN_LINES ? '等' : ''}`;
  return [
    {
      file: notice.file,
      line: lines[0],
      severity: 'warning',
      message: `还有 ${lines.length} 行留着占位的“${PLACEHOLDER}”（${listed}），会原样发布。这是 npm run new 写的骨架里待填写的地方，请换成通报的实际内容；如果是原文本来就有的省略号，可以不管这条警告。`,
    },
  ];
}
