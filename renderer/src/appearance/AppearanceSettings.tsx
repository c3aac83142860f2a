/**
 * Settings → Appearance: the theme (follow the OS, light, dark) and the reader's typography (font,
 * size, line width, line spacing). Each change shows at once, in the reader behind the dialog,
 * and is remembered for this window across reloads.
 */
import { useId, useState, type ChangeEvent } from 'react';
import {
  DEFAULT_APPEARANCE,
  READER_FONTS,
  THEMES,
  TYPOGRAPHY_LIMITS,
  type Appearance,
  type Theme,
  type Typography,
} from '../../../electron/model/appearance';
import { applyAppearance, loadAppearance, saveAppearance } from './appearance';

const THEME_LABELS: Record<Theme, string> = {
  system: 'Follow the system',
  light: 'Light',
  dark: 'Dark',
};
const FONT_LABELS: Record<Typography['font'], string> = {
  serif: 'Serif',
  sans: 'Sans-serif',
  system: 'System',
  mono: 'Monospace',
};

export function AppearanceSettings() {
  const ids = useId();
  const [appearance, setAppearance] = useState(loadAppearance);

  const change = (next: Appearance) => {
    setAppearance(next);
    saveAppearance(next);
    applyAppearance(next, document.documentElement);
  };
  const setTypography = (part: Partial<Typography>) =>
    change({ ...appearance, typography: { ...appearance.typography, ...part } });
  const number =
    (key: 'size' | 'measure' | 'leading') => (event: ChangeEvent<HTMLInputElement>) => {
      const value = Number(event.target.value);
      const { min, max } = TYPOGRAPHY_LIMITS[key];
      if (Number.isFinite(value) && value >= min && value <= max) setTypography({ [key]: value });
    };
  const { font, size, measure, leading } = appearance.typography;

  return (
    <section className="appearance-settings" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Appearance</h3>
      <fieldset className="appearance-theme">
        <legend>Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme}>
            <input
              type="radio"
              name={`${ids}-theme`}
              value={theme}
              checked={appearance.theme === theme}
              onChange={() => change({ ...appearance, theme })}
            />
            {THEME_LABELS[theme]}
          </label>
        ))}
      </fieldset>
      <div className="appearance-row">
        <label htmlFor={`${ids}-font`}>Reading font</label>
        <select
          id={`${ids}-font`}
          value={font}
          onChange={(event) => setTypography({ font: event.target.value as Typography['font'] })}
        >
          {READER_FONTS.map((value) => (
            <option key={value} value={value}>
              {FONT_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="appearance-row">
        <label htmlFor={`${ids}-size`}>Text size</label>
        <input
          id={`${ids}-size`}
          type="range"
          min={TYPOGRAPHY_LIMITS.size.min}
          max={TYPOGRAPHY_LIMITS.size.max}
          step={1}
          value={size}
          aria-valuetext={`${size} pixels`}
          onChange={number('size')}
        />
        <output htmlFor={`${ids}-size`}>{size} px</output>
      </div>
      <div className="appearance-row">
        <label htmlFor={`${ids}-measure`}>Line width</label>
        <input
          id={`${ids}-measure`}
          type="range"
          min={TYPOGRAPHY_LIMITS.measure.min}
          max={TYPOGRAPHY_LIMITS.measure.max}
          step={1}
          value={measure}
          aria-valuetext={`${measure} characters`}
          onChange={number('measure')}
        />
        <output htmlFor={`${ids}-measure`}>{measure} characters</output>
      </div>
      <div className="appearance-row">
        <label htmlFor={`${ids}-leading`}>Line spacing</label>
        <input
          id={`${ids}-leading`}
          type="range"
          min={TYPOGRAPHY_LIMITS.leading.min}
          max={TYPOGRAPHY_LIMITS.leading.max}
          step={0.05}
          value={leading}
          aria-valuetext={leading.toFixed(2)}
          onChange={number('leading')}
        />
        <output htmlFor={`${ids}-leading`}>{leading.toFixed(2)}</output>
      </div>
      <button
        type="button"
        className="link-button"
        onClick={() => change({ ...appearance, typography: DEFAULT_APPEARANCE.typography })}
      >
        Reset typography
      </button>
    </section>
  );
}
