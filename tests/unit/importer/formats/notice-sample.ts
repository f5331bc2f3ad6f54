// A realistic notice (made up for the format readers' tests): title, opening, 一、 sections, （一） groups with
// bold leads, 1、 problems with 整改情况：一是…二是… paragraphs long enough to wrap over lines and pages, a
// table, the appeal, the contact lines, the signature and the date.
import type { DocBlock } from '../../../helpers/documents';
import { blocksFromText } from '../../../helpers/documents';

export const SAMPLE_TITLE = '中共示例市交通运输局党组关于巡察集中整改进展情况的通报';

export const SAMPLE_TEXT = `${SAMPLE_TITLE}
根据市委巡察工作统一部署，2023年3月上旬至5月中旬，市委第三巡察组对示例市交通运输局党组开展了常规巡察，并于2023年6月反馈了巡察意见。按照巡察工作有关要求，现将巡察集中整改进展情况予以公布。
一、巡察整改组织领导情况
局党组坚决扛起巡察整改主体责任，把巡察整改作为一项重大政治任务，主要负责同志认真履行第一责任人责任，领导班子成员按照分工抓好分管领域整改，切实做到真认账、真反思、真整改、真落实。
**（一）提高政治站位，压紧压实整改责任。**局党组第一时间召开专题会议，传达学习市委巡察反馈意见，研究制定整改方案，成立由党组书记任组长的整改工作领导小组，将巡察反馈的问题逐项分解为具体整改任务，明确责任领导、责任科室、完成时限和整改标准，建立问题清单、任务清单、责任清单，实行销号管理，做到件件有着落、事事有回音。
**（二）坚持统筹推进，确保整改取得实效。**局党组坚持把巡察整改与推动交通运输高质量发展结合起来，与日常监督、专项治理结合起来，与深化改革、完善制度结合起来，每月召开整改推进会，听取整改进展情况汇报，协调解决整改中的困难和问题，对进度滞后的责任单位及时督办提醒，推动整改工作有力有序开展。
二、整改进展情况及成效
（一）关于“贯彻落实党中央决策部署和省、市委工作要求有差距”的问题
1、关于“推进交通基础设施项目建设不够有力”的问题。
**整改情况：**一是建立重点项目调度机制。制定《重点交通项目建设调度办法》，对全市在建的二十三个重点交通项目实行周调度、月通报，逐个项目明确推进节点和责任人。二是加快项目前期工作。会同发展改革、自然资源等部门建立联审联批机制，压缩审批时限，目前已有八个项目完成前期手续并开工建设。三是强化资金保障。积极争取上级补助资金和地方政府专项债券，多渠道筹措项目建设资金，保障项目建设顺利推进。
2、关于“农村公路管护机制不健全”的问题。
**整改情况：**一是完善管护制度。出台《农村公路管理养护实施细则》，明确县、乡、村三级管护责任。二是落实养护资金。将农村公路养护资金纳入财政预算，按照每公里每年不低于一定标准足额安排。三是开展专项整治。组织开展农村公路路域环境专项整治行动，清理路障和堆积物，整治边沟和排水设施，路况水平明显提升。
（二）关于“落实全面从严治党责任有差距”的问题
3、关于“对下属单位监督管理不到位”的问题。
**整改情况：**一是开展专项检查。对局属十二个单位的财务管理、工程招投标、选人用人情况开展专项检查，发现问题三十一个，已全部督促整改到位。二是健全监督机制。建立局党组成员联系下属单位制度，定期听取工作汇报，及时发现和纠正苗头性、倾向性问题。
下一步，局党组将持续深化巡察整改，对已完成的整改事项适时开展“回头看”，对需要长期坚持的整改事项紧盯不放、一抓到底，坚决防止问题反弹回潮。整改任务完成情况统计如下：
| 类别 | 反馈问题 | 已完成整改 | 正在推进 |
|---|---|---|---|
| 政治建设 | 8 | 7 | 1 |
| 全面从严治党 | 6 | 6 | 0 |
| 合计 | 14 | 13 | 1 |
欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。
联系电话：0999-12345678
邮政地址：示例市迎宾大道88号市交通运输局机关纪委
邮政编码：999001
电子邮箱：jtj_xczg@example.gov.cn
中共示例市交通运输局党组
2023年9月20日
`;

export const SAMPLE_BLOCKS: DocBlock[] = blocksFromText(SAMPLE_TEXT);

/** Text without any white space, so that a wrapped or indented copy compares equal. */
export const compact = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, '');

type AnyBlock = { kind: 'paragraph'; text: string; bold?: string } | { kind: 'table'; rows: string[][] };

/** Each block as one comparable line: a paragraph's text, a table's rows (cells joined by |, rows by ¶). */
export function blockLines(blocks: readonly AnyBlock[], normalise: (text: string) => string = (t) => t): string[] {
  return blocks.map((b) =>
    b.kind === 'paragraph' ? normalise(b.text) : `[table] ${b.rows.map((r) => r.map(normalise).join('|')).join('¶')}`,
  );
}

/** The bold leads, paragraph by paragraph ('' where there is none). */
export function boldLeads(blocks: readonly AnyBlock[]): string[] {
  return blocks.map((b) => (b.kind === 'paragraph' ? (b.bold ?? '') : ''));
}
