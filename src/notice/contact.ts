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

/** Whether some phone or email of a notice's contact has no `tel:`/`mailto:` link in its rendered body. */
export function unlinkedContact(contact: { phone?: string[]; email?: string[] }, html: string): boolean {
  const hrefs = [...(contact.phone ?? []).map((p) => telHref(p)), ...(contact.email ?? []).map((e) => mailtoHref(e))];
  return hrefs.some((href) => !html.includes(`href="${href}"`));
}
