// Date and text formatting for display.

/** `2023-09-20` → `2023年9月20日` */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** First `max` characters of a text, ending on a full sentence where one fits. */
export function openingWords(text: string, max = 120): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = cut.lastIndexOf('。');
  return end > max / 2 ? cut.slice(0, end + 1) : `${cut}…`;
}
