import { expect, test } from 'vitest';
import { DEFAULT_THRESHOLD, MIN_SHINGLES, isNearDuplicate, similarity } from '../../../src/dedupe/index.js';
import { compareShingles } from '../../../src/dedupe/similarity.js';
import { shingleText } from '../../../src/dedupe/shingle-text.js';
import { articleText, firstPart } from './corpus-texts.js';

const story = articleText('feather-duvet-lung');

test('a copy truncated to 60% is contained in the whole: similarity 1 where Jaccard is 0.6', () => {
  const cut = firstPart(story, 0.6);
  expect(similarity(cut, story)).toBe(1);
  expect(similarity(story, cut)).toBe(1);
  expect(compareShingles(shingleText(cut), shingleText(story)).jaccard).toBeLessThan(0.65);
  expect(isNearDuplicate(cut, story, DEFAULT_THRESHOLD)).toBe(true);
});

test('the same story under other page furniture and another headline is a near duplicate', () => {
  const a = `Health news | Sign in | Subscribe\nFeather duvet linked to lung disease\n${story}\nShare this article\nMost read`;
  const b = `Menu\nMan's lung damage traced to his duvet\n${story}\nNewsletter: the week in science\n© 2019`;
  expect(similarity(a, b)).toBeGreaterThan(0.9);
  expect(isNearDuplicate(a, b, DEFAULT_THRESHOLD)).toBe(true);
});

test.each([
  ['thehill.com', '471033-south-dakota', '471031-new-york-man'],
  ['sfgate.com', 'Man-stabbed-to-death', '7-key-questions'],
  ['livescience.com', 'feather-duvet-lung', 'most-detailed-universe-simulation'],
  ['entermedia.co.kr (Korean)', 'idx=8576', 'idx=8723'],
])('two different stories of %s are not merged, even under the same furniture', (_site, first, second) => {
  const furniture = 'Home | News | Politics | Opinion\nSubscribe to our newsletter\nMost popular\n';
  const a = articleText(first);
  const b = articleText(second);
  expect(similarity(a, b)).toBeLessThan(0.1);
  expect(isNearDuplicate(furniture + a, furniture + b, DEFAULT_THRESHOLD)).toBe(false);
});

const CHINESE =
  '国家气象中心今天发布暴雨预警，预计未来三天南方地区将出现强降雨天气。专家提醒市民注意出行安全，' +
  '尽量避免前往山区和河道附近。当地政府已经启动应急预案，组织救援队伍随时待命。';
const OTHER_CHINESE =
  '本届国际电影节于周五晚间在上海开幕，来自四十多个国家的两百余部影片参加展映。' +
  '组委会表示，今年新增了青年导演单元，希望为新人提供更多展示机会。';

test('multilingual: a Chinese story and its furnished copy merge, two Chinese stories do not', () => {
  expect(shingleText(CHINESE).length).toBeGreaterThanOrEqual(MIN_SHINGLES);
  expect(isNearDuplicate(CHINESE, `首页 新闻 天气\n${CHINESE}\n责任编辑：王明`)).toBe(true);
  expect(similarity(CHINESE, OTHER_CHINESE)).toBeLessThan(0.1);
});

test('multilingual: a Korean story cut to 70% is found in the whole', () => {
  const korean = articleText('idx=8576');
  expect(isNearDuplicate(firstPart(korean, 0.7), korean)).toBe(true);
});

test(`a text under ${MIN_SHINGLES} shingles is never a near duplicate, even of itself`, () => {
  const brief = 'Markets closed higher on Friday after a volatile week of trading.';
  expect(similarity(brief, brief)).toBe(0);
  expect(isNearDuplicate(brief, brief, 0)).toBe(false);
  expect(similarity('', '')).toBe(0);
  expect(similarity(brief, story)).toBe(0);
});
