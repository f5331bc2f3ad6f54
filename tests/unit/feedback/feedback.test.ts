// The mail a reader sends about one problem, and the feedback actions in a rendered body.
import { describe, expect, it } from 'vitest';
import { withFeedbackActions } from '../../../src/feedback/actions';
import { problemFeedback } from '../../../src/feedback/feedback';
import { renderNoticeBody } from '../../../src/notice/html';

const SITE = { email: 'site@example.cn', phone: '027-12345678' };
const TARGET = {
  notice: '某某关于巡察整改进展情况的通报',
  problem: '关于“学习不深入”的问题',
  url: 'https://xc.example.cn/notices/x/#s1-p1',
  site: SITE,
};

describe('problemFeedback', () => {
  it('addresses the notice’s own email and phone, else the site’s', () => {
    expect(problemFeedback({ ...TARGET, contact: { email: ['jw@example.cn', 'b@example.cn'], phone: ['0710-3512345'] } })).toMatchObject({
      email: 'jw@example.cn',
      phone: '0710-3512345',
      tel: 'tel:0710-3512345',
    });
    expect(problemFeedback(TARGET)).toMatchObject({ email: 'site@example.cn', phone: '027-12345678' });
  });

  it('names the notice and the problem in the subject and links the problem in the body, percent-encoded as UTF-8', () => {
    const feedback = problemFeedback(TARGET);
    expect(feedback.subject).toBe('对《某某关于巡察整改进展情况的通报》“关于“学习不深入”的问题”的意见');
    const url = new URL(feedback.mailto);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('site@example.cn');
    expect(url.searchParams.get('subject')).toBe(feedback.subject);
    expect(url.searchParams.get('body')).toBe(
      '通报：《某某关于巡察整改进展情况的通报》\r\n问题：关于“学习不深入”的问题\r\n网页：https://xc.example.cn/notices/x/#s1-p1\r\n\r\n我的意见：\r\n',
    );
    // Nothing in the address a mail program could read as another field or a fragment.
    expect(feedback.mailto.split('?')[1]).toMatch(/^subject=[^&#\s]+&body=[^&#\s]+$/);
  });
});

describe('withFeedbackActions', () => {
  const body = renderNoticeBody(
    [
      '## 一、甲',
      '### 1、关于“乙”的问题',
      '**整改情况：**一是改。',
      '### 2、关于“丙”的问题',
      '二是再改。',
      '## 二、下一步',
      '继续。',
      '欢迎监督。',
    ].join('\n\n'),
  );

  it('puts the actions after each problem’s text, and nowhere else', () => {
    const html = withFeedbackActions(body.html, (id) => ({ problem: id, feedback: problemFeedback({ ...TARGET, problem: id }) }));
    const order = [...html.matchAll(/<h\d id="([^"]+)"|<p class="problem-feedback"/g)].map((m) => m[1] ?? 'actions');
    expect(order).toEqual(['s1', 's1-p1', 'actions', 's1-p2', 'actions', 's2', 'closing']);
    expect(html).toContain('对此问题提意见<span class="visually-hidden">：s1-p1（发电子邮件给 site@example.cn）</span>');
    expect(html).toContain('data-pagefind-ignore="all"');
  });

  it('leaves no empty place behind when a problem has no feedback', () => {
    expect(withFeedbackActions(body.html, () => undefined)).not.toContain('problem-feedback');
  });
});
