/**
 * Base texts for the anchoring corpus, in canonical form (blocks joined by a blank line, list
 * items by one newline). The news article is the team's shared real paste; the others were
 * written for this corpus to cover lists, typographic punctuation, CJK and emoji.
 */
import { readFileSync } from 'node:fs';
import { SHARED_ARTICLE } from '../temp';

let putin: string | null = null;

/** The real news article pasted from a website (mixed straight/curly quotes, "--" dashes). */
export function putinArticle(): string {
  putin ??= readFileSync(SHARED_ARTICLE, 'utf8').replace(/\r\n/g, '\n').trimEnd();
  return putin;
}

/** An essay with headings, a list, curly quotes, em dashes and a phrase repeated on purpose. */
export const ESSAY = [
  'Keeping a commonplace book',
  'For about three centuries, educated readers kept a commonplace book: a private notebook into which they copied passages worth remembering. John Locke published a method for indexing one in 1706, and his scheme was still being printed in stationers’ catalogues a hundred years later.',
  'The habit did something that reading alone does not. Copying a sentence by hand forces you to decide why it matters — and that decision is the beginning of an argument of your own.',
  'What people copied',
  'Proverbs and maxims, often in Latin\nRecipes and remedies, next to lines of poetry\nArguments they disagreed with, so they could answer them later\nNumbers: prices, distances, dates of harvests',
  'Nothing in the commonplace book was original, and that was the point. The commonplace book was a place to collect, not to compose; the composing happened later, when two entries written years apart turned out to belong together.',
  'Why it faded',
  'Cheap printing made books plentiful, and the index at the back of every volume did part of the work the notebook used to do. By the twentieth century the commonplace book survived mostly among writers — Virginia Woolf kept several, and so did W. H. Auden, whose “A Certain World” is a commonplace book published as a book.',
  'Digital tools promised to revive the practice, but most of them store highlights as loose fragments, cut off from where they came from. A highlight that cannot find its way back to its source is only half a note.',
  'A small method',
  'Copy less than you think you should. Write one line under each passage saying why you kept it. Once a month, read the commonplace book from the start — the connections you notice then are the real harvest.',
].join('\n\n');

/** Chinese and Japanese prose (no spaces between words; full-width punctuation). */
export const CJK = [
  '读书笔记的传统',
  '在中国古代，读书人常常把书中的精彩句子抄录下来，编成札记。顾炎武的《日知录》就是这样一部书，他花了三十多年时间，一条一条地积累，最后才整理成册。',
  '札记的好处在于，它迫使读者停下来思考：这句话为什么重要？它和我以前读过的东西有什么联系？这种思考，往往比抄录本身更有价值。',
  '日本の読書ノート',
  '日本でも、江戸時代の学者たちは「抜き書き」と呼ばれるノートを作っていた。気に入った文章を書き写し、余白に自分の考えを書き加える。このやり方は、今でも多くの研究者に受け継がれている。',
  '大切なのは、書き写した言葉がどこから来たのかを忘れないことだ。出典のない引用は、やがて誰の言葉かわからなくなってしまう。',
].join('\n\n');

/** Chat-like text full of emoji, including skin-tone modifiers and a flag (surrogate pairs). */
export const EMOJI = [
  'Trip notes 🇰🇷',
  'Day one: landed at 6 a.m. 😴 and went straight to the market. The dumplings 🥟 were worth the queue, and the vendor gave us extra kimchi 🌶️ for free.',
  'Day two: rain all day ☔, so we spent it in the museum. The celadon room is the best thing in the building 🏺 — quiet, cool and almost empty.',
  'Day three: a long walk up the hill 🥾 to watch the sunset 🌇. Everyone agreed 👍 it was the highlight of the trip.',
].join('\n\n');
