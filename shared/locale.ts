// The two languages every message and label comes in: zh-CN and en-US.

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

/** A text in both languages. */
export interface Label {
  'zh-CN': string;
  'en-US': string;
}

/** Picks the locale from an Accept-Language header or an Office display language ("zh-CN", "zh-TW", "en-GB"…). */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}
