// Formatting of contact details for links.

/** `027-85615369` → `tel:027-85615369`; `转` extensions become `;ext=` (RFC 3966). */
export function telHref(phone: string): string {
  const [main, ext] = phone.split('转');
  const number = main.replace(/[^\d+-]/g, '');
  return `tel:${number}${ext ? `;ext=${ext.replace(/\D/g, '')}` : ''}`;
}

export function mailtoHref(email: string, subject?: string): string {
  return `mailto:${email}${subject ? `?subject=${encodeURIComponent(subject)}` : ''}`;
}
