// 对此问题提意见: the mail a reader sends about one problem, to the notice's own feedback address (else the
// site's), its subject naming the notice and the problem and its body the problem's link, so that the issuer
// knows what it concerns; and the phone to call instead. The notice page and the ledger write the same one.
import { telHref } from '../notice/contact';

export interface FeedbackTarget {
  /** The notice's title, as its page heads it. */
  notice: string;
  /** The problem as the ledger names it: `关于“…”的问题`. */
  problem: string;
  /** The problem's address: absolute with SITE_URL, else from the domain root. */
  url: string;
  /** The notice's own contact, when it states one. */
  contact?: { email?: string[]; phone?: string[] };
  /** The site's contact (content/site.yaml), which every site has. */
  site: { email: string; phone: string };
}

export interface Feedback {
  email: string;
  phone: string;
  subject: string;
  body: string;
  /** `mailto:` with subject and body percent-encoded as UTF-8 (RFC 6068), lines ending CRLF. */
  mailto: string;
  tel: string;
}

export function problemFeedback({ notice, problem, url, contact, site }: FeedbackTarget): Feedback {
  const email = contact?.email?.[0] ?? site.email;
  const phone = contact?.phone?.[0] ?? site.phone;
  const subject = `对《${notice}》“${problem}”的意见`;
  const body = [`通报：《${notice}》`, `问题：${problem}`, `网页：${url}`, '', '我的意见：', ''].join('\r\n');
  return {
    email,
    phone,
    subject,
    body,
    mailto: `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`,
    tel: telHref(phone),
  };
}
