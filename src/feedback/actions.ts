// The feedback actions in a rendered notice body: each place the body marks after a problem
// (src/notice/remark-notice) becomes the problem's 对此问题提意见 and phone links. Done on the page, since the
// address, phone and link come from the site's settings as well as the notice.
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { FEEDBACK_PLACE } from '../notice/remark-notice';
import type { Feedback } from './feedback';

const PLACE = new RegExp(`<p class="${FEEDBACK_PLACE}" data-problem="([^"]+)"></p>`, 'g');

/** `html` with each problem's place filled by `feedbackFor(id)`; a place without feedback is removed. */
export function withFeedbackActions(
  html: string,
  feedbackFor: (problemId: string) => { feedback: Feedback; problem: string } | undefined,
): string {
  return html.replace(PLACE, (_, id: string) => {
    const found = feedbackFor(id);
    return found ? toHtml(feedbackActions(found.feedback, found.problem)) : '';
  });
}

/**
 * The two links: the mail (its name says which problem, for a screen reader's list of links) and the call.
 * Kept out of the search index; the stylesheet hides them in print.
 */
export function feedbackActions(feedback: Feedback, problem: string): Element {
  const hidden = (value: string): Element => ({
    type: 'element',
    tagName: 'span',
    properties: { className: ['visually-hidden'] },
    children: [{ type: 'text', value }],
  });
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: ['problem-feedback'], dataPagefindIgnore: 'all' },
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { href: feedback.mailto, className: ['feedback-mail'] },
        children: [{ type: 'text', value: '对此问题提意见' }, hidden(`：${problem}（发电子邮件给 ${feedback.email}）`)],
      },
      { type: 'text', value: ' ' },
      {
        type: 'element',
        tagName: 'a',
        properties: { href: feedback.tel, className: ['feedback-call'] },
        children: [{ type: 'text', value: `打电话 ${feedback.phone}` }],
      },
    ],
  };
}
