// The published names: an ASCII slug of the file's own name, Chinese in pinyin, unique within the notice;
// and how the list names each attachment: title, type, size.
import { describe, expect, it } from 'vitest';
import { attachmentLabel, formatSize } from '../../../src/attachments/format';
import { asciiName, attachmentPath, baseName, publishedNames } from '../../../src/attachments/names';

describe('published names', () => {
  it('spells a Chinese name in pinyin, word by word', () => {
    expect(asciiName('sources/通报原文.pdf')).toBe('tongbao-yuanwen');
    expect(asciiName('sources/附件1：问题清单.xlsx')).toBe('fujian-1-wenti-qingdan');
  });

  it('keeps a Latin name readable: lower case, hyphens, accents dropped, full-width made ASCII', () => {
    expect(asciiName('sources/Report_Final v2.PDF')).toBe('report-final-v2');
    expect(asciiName('Résumé.pdf')).toBe('resume');
    expect(asciiName('ＰＤＦ２０２３.pdf')).toBe('pdf2023');
    expect(asciiName('2023-09-20-wuhan.pdf')).toBe('2023-09-20-wuhan');
  });

  it('names each file of a notice once: the extension in lower case, -2 for a taken name, attachment-N for no name', () => {
    expect(publishedNames(['sources/原文.pdf', 'sources/原文.docx', 'old/原文.pdf', 'sources/——.PNG', 'a/原文.PDF'])).toEqual([
      'yuanwen.pdf',
      'yuanwen.docx',
      'yuanwen-2.pdf',
      'attachment-4.png',
      'yuanwen-3.pdf',
    ]);
  });

  it('cuts a long name between words', () => {
    const name = asciiName(`${'中华人民共和国'.repeat(10)}.pdf`);
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name).toMatch(/^zhonghua-renmin-gongheguo(-[a-z]+)*$/);
  });

  it('places the file under attachments/<notice-slug>/', () => {
    expect(attachmentPath('2023-09-20-wuhan', 'yuanwen.pdf')).toBe('attachments/2023-09-20-wuhan/yuanwen.pdf');
    expect(baseName('sources/通报.原文.pdf')).toBe('通报.原文');
  });
});

describe('the list', () => {
  it('gives sizes in KB below 1 MB and in MB above, never 0 KB for a file with bytes', () => {
    expect(formatSize(1)).toBe('1 KB');
    expect(formatSize(319_488)).toBe('312 KB');
    expect(formatSize(1024 * 1024 - 100)).toBe('1 MB');
    expect(formatSize(1024 * 1024)).toBe('1 MB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatSize(20 * 1024 * 1024)).toBe('20 MB');
  });

  it('reads 原文（PDF，312 KB）', () => {
    expect(attachmentLabel({ title: '原文', ext: 'pdf', size: 319_488 })).toBe('原文（PDF，312 KB）');
    expect(attachmentLabel({ title: '问题清单', ext: 'xlsx', size: 3 * 1024 * 1024 })).toBe('问题清单（XLSX，3 MB）');
  });
});
