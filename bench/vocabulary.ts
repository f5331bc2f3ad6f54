// The fixed vocabulary of the benchmark corpus: organisations, people, places, numbers and the
// sentence templates that use them. It does not depend on the corpus seed, so the query set
// (bench/queries.ts) can name the same people and organisations at every corpus size.
import { Random } from './random';

export interface Organisation {
  /** Full name, e.g. 武汉城市建设集团有限公司. */
  name: string;
  /** The short name notices use after “以下简称”, e.g. 城建集团. */
  short: string;
  /** Two-character stem for its subsidiaries, e.g. 城建 → 武汉城建置业有限公司. */
  stem: string;
}

const ORGS: Array<[name: string, short: string, stem: string]> = [
  ['武汉产业投资控股集团有限公司', '武投控集团', '产投'],
  ['武汉城市建设集团有限公司', '城建集团', '城建'],
  ['武汉地产集团有限公司', '地产集团', '地产'],
  ['武汉旅游体育集团有限公司', '旅体集团', '旅体'],
  ['武汉农业集团有限公司', '农业集团', '农发'],
  ['武汉市水务集团有限公司', '水务集团', '水务'],
  ['武汉交通发展集团有限公司', '交发集团', '交发'],
  ['武汉金融控股集团有限公司', '金控集团', '金控'],
  ['武汉商贸集团有限公司', '商贸集团', '商贸'],
  ['武汉港航发展集团有限公司', '港航集团', '港航'],
  ['武汉市政建设集团有限公司', '市政集团', '市政'],
  ['武汉会展集团有限公司', '会展集团', '会展'],
  ['武汉生态环境投资发展集团有限公司', '生态环境集团', '生态'],
  ['武汉城市更新建设集团有限公司', '城更集团', '城更'],
  ['武汉文化投资发展集团有限公司', '文投集团', '文投'],
  ['武汉供销商贸集团有限公司', '供销集团', '供销'],
  ['武汉公交集团有限责任公司', '公交集团', '公交'],
  ['武汉开发投资有限公司', '开投公司', '开投'],
  ['武汉国有资产经营有限公司', '国资经营公司', '国资'],
  ['武汉健康养老集团有限公司', '健养集团', '健养'],
  ['武汉种业集团有限公司', '种业集团', '种业'],
  ['武汉粮食集团有限公司', '粮食集团', '粮食'],
  ['武汉医药集团有限公司', '医药集团', '医药'],
  ['武汉电子信息产业集团有限公司', '电子信息集团', '电子'],
  ['武汉科技投资集团有限公司', '科投集团', '科投'],
  ['武汉东湖新技术开发区投资集团有限公司', '东湖投资集团', '东投'],
  ['武汉汽车产业发展集团有限公司', '汽车集团', '汽车'],
  ['武汉人才发展集团有限公司', '人才集团', '人才'],
  ['武汉出版传媒集团有限公司', '出版集团', '出版'],
  ['武汉环保集团有限公司', '环保集团', '环保'],
  ['武汉物流集团有限公司', '物流集团', '物流'],
  ['武汉建工集团有限公司', '建工集团', '建工'],
  ['武汉临空港投资发展集团有限公司', '临空港集团', '临空'],
  ['武汉信用担保集团有限公司', '担保集团', '信保'],
  ['武汉融资租赁有限公司', '融资租赁公司', '融租'],
  ['武汉长江新区开发建设集团有限公司', '新区建设集团', '新建'],
  ['武汉光谷产业投资有限公司', '光谷产投', '光谷'],
  ['武汉汉江湾建设投资有限公司', '汉江湾公司', '汉江'],
  ['武汉楚天数据科技有限公司', '楚天数据', '楚数'],
  ['武汉江城水产集团有限公司', '水产集团', '水产'],
];

export const ORGANISATIONS: Organisation[] = ORGS.map(([name, short, stem]) => ({ name, short, stem }));

/** Subsidiary kinds: 武汉{stem}{kind}有限公司, short {stem}{kind}公司. */
export const SUBSIDIARY_KINDS = ['置业', '物业', '资产运营', '建设管理', '商业管理', '工程', '科技', '贸易', '供应链', '实业'];

const SURNAMES = [
  ...'张王李刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文喻涂聂童',
];
const GIVEN = [
  '建国',
  '志强',
  '建华',
  '卫东',
  '晓明',
  '海涛',
  '丽娟',
  '秀英',
  '桂兰',
  '红梅',
  '国庆',
  '文斌',
  '俊杰',
  '雪芳',
  '春华',
  '德明',
  '永刚',
  '立新',
  '玉兰',
  '振华',
  '志明',
  '思远',
  '宏伟',
  '晓燕',
  '慧敏',
  '国平',
  '学军',
  '爱华',
  '新民',
  '少华',
  '汉生',
  '楚雄',
  '江涛',
  '鹏程',
  '美玲',
  '长青',
  '光荣',
  '晓峰',
  '明辉',
  '子健',
  '一鸣',
  '雨桐',
];

/**
 * ~200 people, common first. The corpus draws them by Zipf weights, so 张建国 and 王志强 (placed near the top)
 * occur in many notices while the last names occur in only a few.
 */
export const PEOPLE: string[] = (() => {
  const names: string[] = [];
  for (let i = 0; names.length < 198; i++) {
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 11 + Math.floor(i / SURNAMES.length) * 5) % GIVEN.length];
    if (!names.includes(name) && name !== '张建国' && name !== '王志强') names.push(name);
  }
  names.splice(4, 0, '张建国');
  names.splice(9, 0, '王志强');
  return names;
})();

export const PLACES = [
  '江汉区',
  '武昌区',
  '江岸区',
  '东湖高新区',
  '洪山区',
  '汉阳区',
  '硚口区',
  '青山区',
  '东西湖区',
  '武汉经开区',
  '江夏区',
  '黄陂区',
  '蔡甸区',
  '新洲区',
  '汉南区',
  '长江新区',
  '汉口北',
  '沌口',
  '白沙洲',
  '后湖',
  '四新',
  '阳逻港',
  '光谷生物城',
  '杨春湖',
  '天河机场',
  '花山',
  '金银湖',
  '南太子湖',
];

export const POSITIONS = [
  '党委书记',
  '董事长',
  '总经理',
  '副总经理',
  '纪委书记',
  '党委副书记',
  '财务总监',
  '办公室主任',
  '审计部部长',
  '法务部部长',
];

export const DOCUMENTS = [
  '《董事会议事规则》',
  '《对外担保管理办法》',
  '《借款管理办法》',
  '《“三重一大”决策制度实施办法》',
  '《资金管理办法》',
  '《投资管理办法》',
  '《房产出租管理办法》',
  '《招标采购管理办法》',
  '《合同管理办法》',
  '《违规经营投资责任追究实施办法》',
  '《参股企业管理办法》',
  '《企业负责人履职待遇和业务支出管理办法》',
];

export const PROJECTS = [
  '产业园',
  '商业综合体',
  '安置房',
  '物流园',
  '冷链中心',
  '数据中心',
  '科创中心',
  '滨江公园',
  '污水处理厂',
  '人才公寓',
];

const STREETS = [
  '唐家墩路',
  '解放大道',
  '建设大道',
  '沿江大道',
  '中北路',
  '珞喻路',
  '民族大道',
  '发展大道',
  '金融港路',
  '光谷大道',
  '汉阳大道',
  '武珞路',
  '新华路',
  '香港路',
];
const DISTRICTS = ['江汉区', '江岸区', '武昌区', '洪山区', '汉阳区', '硚口区', '青山区', '东湖高新区'];

export interface Contact {
  phone: string;
  address: string;
  postcode: string;
  email: string;
}

/** Each organisation's feedback contact; the sample's own for 武汉产业投资控股集团. */
export const CONTACTS: Contact[] = (() => {
  const random = new Random(20230920);
  const phones = new Set<string>(['027-85615369']);
  return ORGANISATIONS.map((org, i) => {
    if (i === 0) {
      return {
        phone: '027-85615369',
        address: '武汉市江汉区唐家墩路32号国创大厦B座武汉产业投资控股集团有限公司纪委、监察专员办公室',
        postcode: '430021',
        email: 'whtkjt@126.com',
      };
    }
    let phone: string;
    do phone = `027-${random.pick(['8', '6', '5'])}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
    while (phones.has(phone));
    phones.add(phone);
    return {
      phone,
      address: `武汉市${random.pick(DISTRICTS)}${random.pick(STREETS)}${random.int(1, 399)}号${org.name}纪委`,
      // A few share the sample's 430021; the rest are other Wuhan postcodes.
      postcode: i % 9 === 0 ? '430021' : `430${String(random.int(10, 99)).padStart(3, '0')}`,
      email: `xczg${String(i).padStart(2, '0')}@126.com`,
    };
  });
})();

/** Amounts as printed; the first are common across the corpus (Zipf), more are made up on the fly. */
export const AMOUNTS = [
  '1.5亿元',
  '3200万元',
  '2.3亿元',
  '860万元',
  '4500万元',
  '1.2亿元',
  '580万元',
  '6.8亿元',
  '120万元',
  '9600万元',
  '3.4亿元',
  '275万元',
];

/** Telephone numbers that appear in body sentences besides contacts: hotlines and other 8-digit numbers. */
export const HOTLINES = ['027-12388', '85771234', '027-85615369', '027-83659100', '62881027', '027-88861555'];

/**
 * Sentences in the notices' register, with slots filled by the generator:
 * {short} {org} {person} {person2} {position} {place} {date} {year} {amount} {amount2} {phone} {doc} {project} {count}.
 */
export const TEMPLATES = [
  '{date}，{short}召开董事会审议通过{doc}，进一步规范董事会运作。',
  '针对违规借贷问题，{short}全面清理对外借款{amount}，截至{date}已收回{amount2}。',
  '对{org}违规提供担保{amount}的问题，经董事会审议后依法解除担保责任。',
  '{date}，{short}纪委对相关责任人{person}给予诫勉谈话处理，对{person2}进行批评教育。',
  '由{short}{position}{person}牵头，{person2}具体负责，于{date}前完成整改。',
  '督促{place}{project}项目加快建设，累计完成投资{amount}，{year}年底前投入使用。',
  '在{place}设立巡察整改监督举报电话{phone}，接受干部群众监督。',
  '{short}出租出借位于{place}的房产{count}处，已按规定全部收回并公开招租，收取租金{amount}。',
  '自{date}起，借贷、担保事项一律提交董事会审议，未经审议不得实施。',
  '截至{date}，累计收回违规借贷资金{amount}，追回违规支付费用{amount2}。',
  '与{org}签订战略合作协议，共同推进{place}{project}建设，总投资{amount}。',
  '{person}同志任{short}{position}，负责巡察整改日常工作，联系电话{phone}。',
  '对{year}年以来实施的{count}个工程项目开展专项审计，涉及金额{amount}。',
  '{short}党委组织{count}名党员干部赴{place}警示教育基地开展警示教育。',
  '{date}，{short}修订{doc}，明确借贷和担保的审批权限和决策程序。',
  '经排查，{short}共有{count}笔对外借款未履行董事会审议程序，涉及金额{amount}。',
  '{position}{person}带队赴{place}督导检查整改落实情况，现场解决问题{count}个。',
  '对{org}参股企业开展“回头看”，清退低效无效参股企业{count}户，收回资金{amount}。',
  '{short}组织开展违规出租出借房产专项整治，清理房产{count}处，面积约{count}00平方米。',
  '{year}年，{short}实现营业收入{amount}，利润总额{amount2}，同比增长{count}%。',
  '针对企业负责人履职待遇和业务支出问题，{short}清退违规报销费用{amount2}。',
  '{short}将{place}{project}项目纳入重点督办清单，由{person}同志包保推进。',
  '群众来信反映的{place}{project}问题，已由{short}会同{org}核查处理。',
  '{date}，{short}召开巡察整改专题民主生活会，{person}、{person2}等班子成员作对照检查。',
  '对{org}违规借贷担保问题，{short}成立工作专班，{position}{person}任组长，依法追收欠款{amount}。',
];

/** Problem titles beyond the sample's (inside 关于“…”的问题), with {short}. */
export const PROBLEM_TITLES = [
  '{short}违规借贷担保问题整改不彻底',
  '{short}违规出租出借房产',
  '{short}董事会运作不规范',
  '{short}对参股企业‘重投资轻管理’',
  '{short}企业负责人履职待遇和业务支出管理不规范',
  '{short}工程项目招标投标不规范',
  '{short}对外借款和担保管理失控',
  '{short}‘三重一大’决策制度执行不严格',
  '{short}国有资产出租管理不规范',
  '{short}选人用人工作不规范',
  '{short}落实中央八项规定精神不到位',
  '{short}财务管理制度执行不严',
];

/** Group titles beyond the sample's. */
export const GROUP_TITLES = [
  '国有资产监管和风险防控存在漏洞',
  '落实中央八项规定精神不够严格',
  '选人用人和基层党组织建设有差距',
  '贯彻落实新发展理念不够到位',
  '违规借贷担保等重点领域风险突出',
];

/** Lead sentences of measures (一是……。) beyond the sample's. */
export const MEASURE_LEADS = [
  '全面清理违规借贷。',
  '规范董事会运作。',
  '严肃追责问责。',
  '收回出租出借房产。',
  '健全担保管理制度。',
  '开展专项审计。',
  '强化警示教育。',
  '完善招标采购管理。',
  '加强参股企业管理。',
  '规范业务支出。',
];

/** Bold lead sentences of the numbered points in sections 一 and 三 beyond the sample's. */
export const POINT_LEADS = [
  '加强组织领导，压紧压实巡察整改主体责任。',
  '坚持问题导向，推动整改任务逐项落地。',
  '强化监督检查，确保整改质效。',
  '健全长效机制，巩固拓展巡察整改成果。',
  '深化成果运用，推动企业高质量发展。',
  '防范化解风险，守牢国有资产安全底线。',
];
