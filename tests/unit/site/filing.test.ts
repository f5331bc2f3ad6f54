// The filings (src/site/filing) and their settings (src/schemas): the numbers' real forms, the public search
// address, and the emblem image read from the content folder with what is wrong with it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ICP_NUMBER, POLICE_NUMBER, siteSchema } from '../../../src/schemas';
import { policeSearchUrl, readEmblem } from '../../../src/site/filing';

describe('the filing numbers', () => {
  it.each(['鄂ICP备2023001234号-1', '京ICP备05071005号', '粤ICP备12345678号-10'])('ICP %s is accepted', (n) =>
    expect(ICP_NUMBER.test(n)).toBe(true),
  );
  it.each(['ICP备2023001234号', '鄂ICP证030173号', '鄂ICP备2023001234', '鄂ICP备号', 'XICP备2023001234号'])('ICP %s is refused', (n) =>
    expect(ICP_NUMBER.test(n)).toBe(false),
  );
  it.each(['鄂公网安备42010302000123号'])('police %s is accepted', (n) => expect(POLICE_NUMBER.test(n)).toBe(true));
  it.each(['鄂公网安备4201030200012号', '公网安备42010302000123号', '鄂公网安备42010302000123'])('police %s is refused', (n) =>
    expect(POLICE_NUMBER.test(n)).toBe(false),
  );

  it('links the police number to the public search at its 14-digit code', () => {
    expect(policeSearchUrl('鄂公网安备42010302000123号')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=42010302000123');
  });

  it('reads a 网站标识码 written as a number, and refuses other lengths', () => {
    const base = { title: 'a', organisation: 'b', contact: { phone: '027-85615369', address: 'x', postcode: '430021', email: 'a@b.cn' } };
    expect(siteSchema.parse({ ...base, siteCode: 4201000040 }).siteCode).toBe('4201000040');
    expect(siteSchema.parse({ ...base, siteCode: 'bm07000001' }).siteCode).toBe('bm07000001');
    expect(siteSchema.safeParse({ ...base, siteCode: '42010000' }).success).toBe(false);
  });
});

describe('readEmblem', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongshi-emblem-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    Buffer.from([0, 0, 0, 20, 0, 0, 0, 18, 8, 2, 0, 0, 0]),
  ]);
  mkdirSync(join(root, 'content/images'), { recursive: true });
  writeFileSync(join(root, 'content/images/gongan.png'), png);
  writeFileSync(join(root, 'content/images/fake.png'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  writeFileSync(join(root, 'content/images/big.png'), Buffer.concat([png, Buffer.alloc(200 * 1024)]));
  writeFileSync(join(root, 'outside.png'), png);
  symlinkSync(join(root, 'outside.png'), join(root, 'content/images/link.png'));
  const content = join(root, 'content');

  it('reads a PNG with its size', () => {
    expect(readEmblem(content, 'images/gongan.png')).toMatchObject({ type: 'png', width: 20, height: 18 });
  });

  it.each([
    ['images/none.png', '找不到公安备案图标'],
    ['../outside.png', '不在内容目录里'],
    ['/etc/passwd', '不在内容目录里'],
    ['images/link.png', '指向内容目录之外'],
    ['images/fake.png', '不是 PNG 或 GIF 图片'],
    ['images/big.png', '超过 100 KB'],
  ])('refuses %s: %s', (file, message) => {
    expect(readEmblem(content, file)).toContain(message);
  });
});
