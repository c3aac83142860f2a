import { useEffect, useState, type RefObject } from 'react';

/** Steps of the bar: finer than a pixel of a reader's width, coarse enough to skip most frames. */
const STEPS = 1000;

/**
 * A thin bar along the top of the reader: how far through the article the screen is. It follows
 * the scrolling itself, so a scroll re-renders this bar alone, never the reader around it.
 */
export function ReadingProgress({ scrollRef }: { scrollRef: RefObject<HTMLElement | null> }) {
  const [step, setStep] = useState(0);
  useEffect(() => {
    const root = scrollRef.current;
    if (!root) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const room = root.scrollHeight - root.clientHeight;
      const progress = room > 0 ? Math.min(1, Math.max(0, root.scrollTop / room)) : 1;
      setStep(Math.round(progress * STEPS));
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    root.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      root.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [scrollRef]);
  const progress = step / STEPS;
  const percent = Math.round(progress * 100);
  return (
    <div
      className="reader-progress"
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% read`}
      title={`${percent}% read`}
    >
      <div className="reader-progress-bar" style={{ transform: `scaleX(${progress})` }} />
    </div>
  );
}
