import { describe, expect, it } from 'vitest';
import { guessLang } from './lang';

describe('guessLang', () => {
  it.each([
    ['정부가 올해 전기차 구매 보조금 체계를 개편했다.', 'ko'],
    ['東京都は新しい計画を発表した。', 'ja'],
    ['北京市政府今天发布了新的计划。', 'zh'],
    ['Правительство объявило о новом плане.', 'ru'],
    ['Уряд оголосив про нову програму підтримки.', 'uk'],
    ['أعلنت الحكومة عن خطة جديدة اليوم.', 'ar'],
    ['دولت امروز برنامه جدیدی را اعلام کرد که چندین پروژه را پوشش می‌دهد.', 'fa'],
    ['הממשלה הודיעה היום על תוכנית חדשה.', 'he'],
    ['Η κυβέρνηση ανακοίνωσε νέο σχέδιο.', 'el'],
    ['รัฐบาลประกาศแผนใหม่วันนี้', 'th'],
  ])('%s → %s', (text, lang) => {
    expect(guessLang([text])).toBe(lang);
  });

  it('says nothing for Latin script, mixed scripts, or too little text', () => {
    expect(guessLang(['The government announced a new plan today.'])).toBeNull();
    expect(guessLang(['Le gouvernement a annoncé un nouveau plan.'])).toBeNull();
    expect(
      guessLang([
        'Putin met Kim (김정은) in Pyongyang on Wednesday for talks on trade and security.',
      ]),
    ).toBeNull();
    expect(guessLang(['😀🎉', '123'])).toBeNull();
    expect(guessLang(['가나'])).toBeNull();
  });
});
