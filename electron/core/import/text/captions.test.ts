import { describe, expect, it } from 'vitest';
import { captionKind } from './captions';

describe('captionKind', () => {
  it.each([
    "Russia's President Vladimir Putin views an exhibition on Tuesday. (Pool Photo via TASS)",
    'Kim Jong Un at the launch site. (AP Photo/Ahn Young-joon)',
    'Protesters gather outside parliament. (Photo: Jane Doe)',
    'Protesters gather outside parliament. [Photo by Jane Doe]',
    'The new terminal at Incheon. (Courtesy of Incheon Airport)',
    'The summit in 2019. (File Photo)',
    'Kim Jong Un in Pyongyang. Photograph: KCNA/Reuters',
    'The skyline at dusk. Photo: Yonhap',
    'A field of sunflowers. Credit: Jane Doe/The Times',
    'A worker inspects a wafer, February 2, 2024. REUTERS/Edgar Su/File Photo',
    'Fans in the stands. Getty Images',
    'Fans in the stands. (Getty Images)',
    '서울 시내의 한 충전소. [연합뉴스 자료사진]',
    '회의에 참석한 장관. (사진=연합뉴스)',
  ])('credit: %s', (text) => {
    expect(captionKind(text)).toBe('credit');
  });

  it.each([
    'President Yoon speaks at a briefing on Tuesday. (Yonhap)',
    'Smoke rises over the city. (Reuters)',
  ])('agency only: %s', (text) => {
    expect(captionKind(text)).toBe('agency');
  });

  it.each([
    'He said he would think about it (and he did).',
    '(Yonhap)',
    'The caption read Photo: a dog. Then he left.',
    'Share prices rose sharply on Monday.',
    'SEOUL (Reuters) - North Korea fired a missile on Tuesday, officials said.',
    `${'Long prose. '.repeat(100)}(Yonhap)`,
    '',
  ])('not a caption: %j', (text) => {
    expect(captionKind(text)).toBeNull();
  });
});
