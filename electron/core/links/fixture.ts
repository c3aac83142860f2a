/** Test fixture: a real library with two articles and passages, through the real API. */
import { openTestLibrary } from '../../test/library';

const ARTICLE_A =
  'Tea and the Empire\n\nTea reached Europe by sea. Later, tea was taxed heavily in the colonies.';
const ARTICLE_B =
  'Coffee houses\n\nCoffee houses were called penny universities. Tea gardens came later.';

export async function linkedLibrary(dir: string) {
  const t = openTestLibrary(dir);
  const results = await t.invoke('articles.importFiles', {
    files: [
      { name: 'tea.txt', dataBase64: Buffer.from(ARTICLE_A).toString('base64') },
      { name: 'coffee.txt', dataBase64: Buffer.from(ARTICLE_B).toString('base64') },
    ],
  });
  const [a, b] = results.map((r) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.article;
  });
  const passage = (articleId: string, quote: string) =>
    t.invoke('passages.createFromQuote', { articleId, quote });
  const p1 = await passage(a!.id, 'Tea reached Europe by sea.');
  const p2 = await passage(a!.id, 'tea was taxed heavily');
  const p3 = await passage(b!.id, 'penny universities');
  return { ...t, articleA: a!, articleB: b!, p1, p2, p3 };
}
