// What the 修订对照 page says changed between two versions of a notice.
import { describe, expect, it } from 'vitest';
import { versionChanges, type Version } from '../../../src/provenance/versions';

/** What changed from `from` to `to`, as the page lists it (newest first). */
const compareVersions = (from: Version, to: Version) => versionChanges([to, from])[0];

const notice = (front: string, body: string) => `---\ntitle: 某某关于巡察整改进展情况的通报\nissuer: 某某委员会\n${front}---\n\n${body}\n`;
const BODY = [
  '根据统一部署，开展了巡察。现将整改情况公布。',
  '## 一、整改情况',
  '### 1、关于“学习不深入”的问题',
  '**整改情况：**一是著重学习。二是完善制度。',
  '**整改状态：**阶段性完成',
  '## 二、下一步',
  '继续努力。',
].join('\n\n');
const version = (commit: string, source?: string): Version => ({ commit, date: '2024-01-02T10:00:00+08:00', ...(source && { source }) });

describe('versionChanges between two versions', () => {
  const before = version('a', notice('date: 2023-09-20\ncontact:\n  phone: 027-85615369\n', BODY));

  it('gives the sentences taken out and put in, under their heading, with the changed characters marked', () => {
    const after = version(
      'b',
      notice(
        'date: 2023-09-20\ncontact:\n  phone: 027-85615369\n',
        BODY.replace('著重学习', '着重学习').replace('继续努力。', '继续努力。巩固成果。'),
      ),
    );
    const change = compareVersions(before, after);
    expect(change.facts).toEqual([]);
    expect(change.layoutOnly).toBe(false);
    expect(change.hunks).toEqual([
      {
        under: '1、关于“学习不深入”的问题',
        removed: [
          [
            { text: '整改情况：一是', changed: false },
            { text: '著', changed: true },
            { text: '重学习。', changed: false },
          ],
        ],
        added: [
          [
            { text: '整改情况：一是', changed: false },
            { text: '着', changed: true },
            { text: '重学习。', changed: false },
          ],
        ],
      },
      { under: '二、下一步', removed: [], added: [[{ text: '巩固成果。', changed: true }]] },
    ]);
  });

  it('says in words how the facts and a problem’s 整改状态 changed', () => {
    const after = version(
      'b',
      notice(
        'date: 2023-09-21\nnumber: 某某〔2023〕1号\ncontact:\n  phone: 027-85615370\nprogress:\n  total: 3\n  done: 3\n',
        BODY.replace('阶段性完成', '已完成'),
      ),
    );
    expect(compareVersions(before, after).facts).toEqual([
      '成文日期由“2023年9月20日”改为“2023年9月21日”。',
      '增加了文号“某某〔2023〕1号”。',
      '联系电话由“027-85615369”改为“027-85615370”。',
      '增加了整改进度“已完成整改 3 个，共 3 个”。',
      '问题“学习不深入”的整改状态由“阶段性完成”改为“已完成”。',
    ]);
  });

  it('tells a change of layout only (spacing, line breaks, Markdown marks) from a change of text', () => {
    const after = version('b', before.source!.replace('\n\n## 二、', '\n\n\n## 二、').replace('**整改状态：**', '整改状态：'));
    expect(compareVersions(before, after)).toMatchObject({ facts: [], hunks: [], layoutOnly: true, unreadable: false });
  });

  it('says when a version cannot be read, rather than showing no change', () => {
    expect(compareVersions(version('a'), before)).toMatchObject({ unreadable: true, layoutOnly: false });
  });

  it('compares each version with the one before it, newest first', () => {
    const middle = version('b', before.source!.replace('继续努力。', '继续努力！'));
    const newest = version('c', middle.source!.replace('完善制度。', '健全制度。'));
    expect(versionChanges([newest, middle, before]).map((c) => [c.to.commit, c.from.commit])).toEqual([
      ['c', 'b'],
      ['b', 'a'],
    ]);
  });
});
