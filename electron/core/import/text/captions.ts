/**
 * Photo captions pasted along with an article end in a credit: "(Pool Photo via AFP)", "(Yonhap)",
 * "(AP Photo/Ahn Young-joon)", "Photograph: KCNA/Reuters", "REUTERS/Edgar Su/File Photo",
 * "Credit: …", "Getty Images", "[연합뉴스 자료사진]". Only the tail of a paragraph is inspected.
 */
import { comparable } from './normalize';

/**
 * `credit`: the tail names a photo/image credit, so the paragraph is a caption wherever it stands.
 * `agency`: the tail is a bare agency name, which also signs off the last paragraph of wire copy.
 */
export type CaptionKind = 'credit' | 'agency';

const MAX_CAPTION_LENGTH = 700;
const TAIL_LENGTH = 220;

const BRACKETED_TAIL = /[([]([^()[\]]{1,120})[)\]]$/;
const PHOTO_WORDS =
  /\b(?:photos?|photograph|image|images|picture|pictures|illustration|graphic|screenshot|screen capture|courtesy|credit|file|pool|handout)\b|사진|제공|캡처/i;
const VIA_CREDIT = /^(?:[\p{L}\s-]{0,30}\s)?(?:via|by)\s+\p{Lu}[^()]{0,60}$/u;
const AGENCIES =
  /^(?:yonhap|reuters|ap|afp|epa|epa-efe|efe|xinhua|tass|ria novosti|kyodo|jiji|bloomberg|newsis|news1|kcna|anadolu|dpa|ansa|upi|pa|pa media|nurphoto|sipa|getty|getty images|shutterstock|alamy|unsplash|the associated press|associated press|연합뉴스|뉴시스|뉴스1)$/i;
const LABELLED_CREDIT =
  /(?:^|[\s.|/—–-])(?:Photo(?:graph|s)?|Image|Picture|Illustration|Credit|Photo credit|Video)\s*(?:by\s+|:\s*)([^!?\n]{1,80})$/u;
const SLASH_CREDIT =
  /(?:^|\s)(?:REUTERS|Reuters|AP Photo|AP|AFP|EPA-EFE|EPA|Getty Images|Shutterstock|Yonhap)\/[^\s/][^/\n]{0,60}(?:\/[^/\n]{1,40}){0,2}$/;
const GETTY_TAIL = /(?:^|[\s./|—–-])Getty Images$/;

export function captionKind(text: string): CaptionKind | null {
  if (text.length > MAX_CAPTION_LENGTH * 2) return null;
  const s = comparable(text);
  if (s.length === 0 || s.length > MAX_CAPTION_LENGTH) return null;
  const tail = s.length > TAIL_LENGTH ? s.slice(-TAIL_LENGTH) : s;
  const bracketed = BRACKETED_TAIL.exec(tail);
  if (bracketed) {
    const inner = (bracketed[1] ?? '').trim();
    // A paragraph that is only "(Yonhap)" is a sign-off, not a caption: a caption describes something.
    const hasDescription =
      s.length - bracketed[0].length > 0 &&
      /\p{L}/u.test(s.slice(0, s.length - bracketed[0].length));
    if (!hasDescription) return null;
    if (
      PHOTO_WORDS.test(inner) ||
      VIA_CREDIT.test(inner) ||
      /^(?:AP|AFP|EPA|REUTERS|Reuters|Yonhap|Getty Images)\//.test(inner)
    )
      return 'credit';
    if (AGENCIES.test(inner)) return 'agency';
    return null;
  }
  const labelled = LABELLED_CREDIT.exec(tail);
  if (labelled && !/\.\s/.test(labelled[1] ?? '')) return 'credit';
  if (SLASH_CREDIT.test(tail) || GETTY_TAIL.test(tail)) return 'credit';
  return null;
}
