/**
 * People's names as bylines write them, split into CSL names: "By Jane Doe and John Smith" → two
 * persons, "Doe, Jane" inverted, organisations ("Reuters", "Coastal Institute") kept whole,
 * particles kept with the family name, romanized Korean/Chinese names family first.
 * Runtime-neutral: citations, the CLI and the Edit details dialog all split names this way.
 */
import type { CslName } from './sourceMeta';

const clean = (v: string | null | undefined): string =>
  (v ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Particles that belong to the family name ("Ludwig van Beethoven" → family "van Beethoven"). */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'della',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'al',
]);
const ORG_WORDS =
  /\b(staff|press|news|agency|reuters|associated|editorial|board|team|inc|ltd|university|institute|department|ministry|office|committee|foundation|association|society|council|organi[sz]ation|corporation|company|commission|bureau|centre|center|bank|nations|union|government|group|service)\b/i;

/**
 * Common Korean, Chinese and Taiwanese family names in their usual romanizations. With a
 * hyphenated given name after it ("Ji Da-gyum", "Moon Jae-in", "Tsai Ing-wen") a byline is in
 * East Asian order, family name first; Western hyphenated names put the hyphen first ("Jean-Paul").
 */
const EAST_ASIAN_FAMILY = new Set(
  (
    'kim lee yi rhee park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh shin sin kwon ' +
    'hwang ahn an song yoo yu ryu hong jeon chun ko go moon mun yang son sohn bae baek paik heo hur nam shim sim noh roh ha ' +
    'kwak sung seong cha joo ju woo koo ku min na jin ji um eom chae won cheon bang kong hyun ham byun yeo choo do so seok ' +
    'seol ma gil wi pyo myung ki ban wang li zhang liu chen huang zhao wu zhou xu sun zhu hu guo he lin gao luo zheng liang ' +
    'xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang du ye cheng wei su lu ding ren shen yao xi tsai lai ' +
    'hsu hsieh chiang kuo wong chan leung'
  ).split(' '),
);

function personName(raw: string): CslName {
  const name = raw.trim();
  if (name.includes(',')) {
    // Already "Family, Given".
    const [family, ...given] = name.split(',');
    return { family: family!.trim(), given: given.join(',').trim() };
  }
  const words = name.split(' ');
  if (words.length < 2 || ORG_WORDS.test(name)) return { literal: name };
  if (
    words.length === 2 &&
    EAST_ASIAN_FAMILY.has(words[0]!.toLowerCase()) &&
    /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(words[1]!)
  ) {
    return { family: words[0]!, given: words[1]! };
  }
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!.toLowerCase())) i--;
  return { given: words.slice(0, i).join(' '), family: words.slice(i).join(' ') };
}

/** A byline ("By Jane Doe and John Smith", "Doe, Jane; Smith, John") as CSL names. */
export function bylineNames(byline: string | null | undefined): CslName[] {
  const text = clean(byline).replace(/^by\s+/i, '');
  if (!text) return [];
  // "Doe, Jane" is one person, inverted (a one-word family name before the only comma).
  if (/^[^\s,]+,\s*[^,&]+$/.test(text) && !/\sand\s/i.test(text)) return [personName(text)];
  // "Doe, Jane; Smith, John" keeps its commas; otherwise commas, "and" and "&" separate people.
  const people = text.includes(';')
    ? text.split(/\s*;\s*/)
    : text.split(/\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)\s*/i);
  return people.filter((p) => p.trim()).map(personName);
}
