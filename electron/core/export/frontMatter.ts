/** YAML front matter for Markdown files, through the `yaml` library (quoting is its business). */
import { stringify } from 'yaml';
import { cleanText } from './text';

type Yamlish =
  string | number | boolean | null | Yamlish[] | { [key: string]: Yamlish | undefined };

function clean(value: Yamlish | undefined): Yamlish | undefined {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map((v) => clean(v) ?? null);
  if (value && typeof value === 'object') {
    const out: { [key: string]: Yamlish } = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c !== undefined && c !== null && !(Array.isArray(c) && !c.length)) out[k] = c;
    }
    return out;
  }
  return value;
}

/** `---` fenced YAML; empty and missing fields are left out. */
export function frontMatter(fields: { [key: string]: Yamlish | undefined }): string {
  return `---\n${stringify(clean(fields), { lineWidth: 0 })}---\n`;
}
