/**
 * Fictional people for the demo, generated deterministically: the same names, birth dates and ID
 * numbers on every machine and every start. ID numbers are valid-looking (GB 11643 check
 * character, a birth date, the sex digit) under region codes the tests never use; the people
 * are invented.
 */
import { checkCharacter } from '../modules/members/id-number.js';

/** A small deterministic generator (mulberry32), seeded from a string. */
export function randomFrom(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严武戴孔汤';
const MALE = ['建国', '志强', '海涛', '伟', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '斌', '宇', '浩', '凯', '健', '俊', '帆', '振华', '国栋', '文博', '晓东', '立新', '永强', '德胜', '玉林', '春雷', '长江'];
const FEMALE = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀英', '婷', '雪', '琳', '洁', '玲', '红梅', '晓燕', '丹', '萍', '慧', '颖', '佳', '倩', '月', '欣怡', '雅琴', '春燕', '海燕', '淑华', '桂兰', '秀兰'];
const EDUCATION = ['大学本科', '大学本科', '大学本科', '硕士研究生', '大学专科', '大学专科', '中专', '高中'];

export interface DemoPerson {
  name: string;
  sex: 'MALE' | 'FEMALE';
  birthDate: string;
  idNumber: string;
  phone: string;
  education: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Someone born between `fromYear` and `toYear`, under `region` (six digits), the `index`th of their day. */
export function person(random: () => number, region: string, fromYear: number, toYear: number, index: number): DemoPerson {
  const pick = <T>(list: readonly T[] | string) => list[Math.floor(random() * list.length)] as T;
  const sex = random() < 0.35 ? 'FEMALE' : 'MALE';
  const given = sex === 'MALE' ? pick(MALE) : pick(FEMALE);
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const birthDate = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  // 顺序码: odd for men, even for women; `index` keeps them apart within a day.
  const sequence = ((index * 2) % 998) + (sex === 'MALE' ? 1 : 2);
  const first17 = `${region}${year}${pad(month, 2)}${pad(day, 2)}${pad(sequence, 3)}`;
  return {
    name: `${pick<string>(SURNAMES)}${given}`,
    sex,
    birthDate,
    idNumber: `${first17}${checkCharacter(first17)}`,
    phone: `1${pick(['35', '36', '37', '38', '39', '58', '59', '87'])}${pad(Math.floor(random() * 1e8), 8)}`,
    education: pick(EDUCATION),
  };
}
