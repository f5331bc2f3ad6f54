import { describe, expect, it } from 'vitest';
import { restorePunctuation } from '../../../src/importer/punctuation';

const restore = (text: string) => restorePunctuation(text).text;

describe('restorePunctuation', () => {
  it('restores comma, colon, semicolon, question and exclamation marks in Chinese context', () => {
    expect(restorePunctuation('一是加强学习;二是完善制度,是否到位?务必落实!整改情况:见下')).toEqual({
      text: '一是加强学习；二是完善制度，是否到位？务必落实！整改情况：见下',
      restored: 5,
    });
  });

  it('restores a comma between Chinese and a number', () => {
    expect(restore('根据统一部署,2022年4月上旬至6月中旬,市委第一巡察组')).toBe('根据统一部署，2022年4月上旬至6月中旬，市委第一巡察组');
  });

  it('makes parentheses full-width when they enclose Chinese', () => {
    expect(restore('(一)强化谋划部署')).toBe('（一）强化谋划部署');
    expect(restore('武汉商贸集团有限公司(以下简称“商贸集团”)(2家企业已于2022年12月重组)')).toBe(
      '武汉商贸集团有限公司（以下简称“商贸集团”）（2家企业已于2022年12月重组）',
    );
    expect(restore('细则(试行)')).toBe('细则（试行）');
  });

  it('writes the numbering (1) and (一) that open a line of Chinese with full-width brackets, as GB/T 9704 does', () => {
    expect(restore('(1)开展督查检查统筹。')).toBe('（1）开展督查检查统筹。');
    expect(restore('  (12) “回头看”')).toBe('  （12） “回头看”');
    expect(restorePunctuation('(1)开展督查检查统筹。').restored).toBe(2);
    // Not numbering: a bracket inside the line, a figure in running text, or a line that is not Chinese.
    expect(restore('增长(3)倍')).toBe('增长(3)倍');
    expect(restore('(1) item one')).toBe('(1) item one');
  });

  it('handles nested parentheses', () => {
    expect(restore('对因特殊情况(如疫情(含隔离)等)不能参加')).toBe('对因特殊情况（如疫情（含隔离）等）不能参加');
    expect(restore('(a(中)b)和(x)(y)')).toBe('（a（中）b）和(x)(y)');
  });

  // Found by the fuzz test (long-lines): both were quadratic, minutes on a 200,000-character line.
  it('handles 100,000 nested parentheses', () => {
    const { text, restored } = restorePunctuation(`${'('.repeat(100_000)}中${')'.repeat(100_000)}`);
    expect(restored).toBe(200_000);
    expect(text).toBe(`${'（'.repeat(100_000)}中${'）'.repeat(100_000)}`);
  });

  it('handles a 200,000-letter run without an @, and still protects an email address at the start of a run', () => {
    expect(restore(`${'ab_cd-'.repeat(33_000)},中`)).toBe(`${'ab_cd-'.repeat(33_000)}，中`);
    expect(restore('请发送至a.b+c@mail.example.com,谢谢')).toBe('请发送至a.b+c@mail.example.com，谢谢');
  });

  it('keeps parentheses that enclose no Chinese', () => {
    expect(restore('国资委(SASAC)和电话(027)85615369')).toBe('国资委(SASAC)和电话(027)85615369');
  });

  it('leaves phone numbers alone and restores the label colon', () => {
    expect(restore('联系电话:027-85615369')).toBe('联系电话：027-85615369');
    expect(restore('电话:027-85615369,传真:027-85615370')).toBe('电话：027-85615369，传真：027-85615370');
  });

  it('leaves email addresses alone', () => {
    expect(restore('电子邮箱:whtkjt@126.com')).toBe('电子邮箱：whtkjt@126.com');
    expect(restore('邮箱:a.b+c@mail.example.com.cn,欢迎来信')).toBe('邮箱：a.b+c@mail.example.com.cn，欢迎来信');
  });

  it('leaves URLs alone, including their commas, colons and parentheses', () => {
    expect(restore('网址:https://example.com/list?a=1,2&b=x:y')).toBe('网址：https://example.com/list?a=1,2&b=x:y');
    expect(restore('详见http://example.com/ju(jù)/index.html,谢谢')).toBe('详见http://example.com/ju(jù)/index.html，谢谢');
    expect(restore('见www.example.gov.cn/a,b')).toBe('见www.example.gov.cn/a,b');
  });

  it('treats punctuation right after a URL as the sentence’s', () => {
    expect(restore('详见http://www.example.com/a,欢迎监督')).toBe('详见http://www.example.com/a，欢迎监督');
    expect(restore('网址:https://example.com/list?a=1,2,详见')).toBe('网址：https://example.com/list?a=1,2，详见');
    expect(restore('(详见http://example.com/a)')).toBe('（详见http://example.com/a）');
  });

  it('leaves times, decimals and thousands separators alone', () => {
    expect(restore('上午9:00至下午17:30,周一至周五')).toBe('上午9:00至下午17:30，周一至周五');
    expect(restore('时间:9:00-17:00')).toBe('时间：9:00-17:00');
    expect(restore('共1,000万元,增长3.5%')).toBe('共1,000万元，增长3.5%');
  });

  it('leaves English text alone', () => {
    const text = 'See (note) here, ok: yes; really? yes!';
    expect(restorePunctuation(text)).toEqual({ text, restored: 0 });
  });

  it('is idempotent and leaves full-width text unchanged', () => {
    const text = '整改情况：一是加强学习；二是完善制度（试行），是否到位？';
    expect(restorePunctuation(text)).toEqual({ text, restored: 0 });
  });

  it('works line by line', () => {
    expect(restore('第一行,\n,第二行')).toBe('第一行，\n，第二行');
    expect(restore('(一\n)')).toBe('(一\n)');
  });

  it('handles characters outside the BMP', () => {
    expect(restore('𠀀,测试(𠀀)')).toBe('𠀀，测试（𠀀）');
  });
});
