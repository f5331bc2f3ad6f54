// The site's columns (栏目): the header's navigation, the 网站地图's first list, and the column a page
// belongs to in the government page tags, from one list.
import type { Column } from './page-tags';
import { joinBase } from '../base/paths';

export interface NavigationEntry {
  href: string;
  label: string;
  /** What the column holds, as the 网站地图 says it. */
  note: string;
  /** 栏目类型 in the words of 政府网站发展指引. */
  type: Column['type'];
}

/** The columns under `base`, in the header's order; `siteTitle` names the first, the notices. */
export function siteNavigation(base: string, siteTitle: string): NavigationEntry[] {
  return [
    { href: joinBase(base), label: '通报列表', note: `${siteTitle}首页，全部通报从新到旧`, type: '信息发布' },
    { href: joinBase(base, 'search/'), label: '搜索', note: '按词语检索全部通报', type: '信息发布' },
    { href: joinBase(base, 'contact/'), label: '意见反馈', note: '电话、信件、电子邮件', type: '互动交流' },
    { href: joinBase(base, 'ledger/'), label: '整改台账', note: '每个问题及其整改措施', type: '信息发布' },
    { href: joinBase(base, 'data/'), label: '开放数据', note: 'JSON、CSV 和 RSS 订阅', type: '信息发布' },
  ];
}

/**
 * The column of the page at `path`: the navigation entry whose address it is under. Notices and their
 * archive pages belong to the site's own column, named as the site is.
 */
export function columnOf(navigation: NavigationEntry[], path: string, siteTitle: string): Column {
  const [home, ...rest] = navigation;
  const entry = rest.filter((item) => path.startsWith(item.href)).at(-1);
  return entry ? { name: entry.label, type: entry.type } : { name: siteTitle, type: home.type };
}
