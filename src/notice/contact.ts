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

/**
 * The lines of a contact's postal address: each address with the postcode of the same position; postcodes
 * left over go with the last address, or stand alone when there is no address.
 */
export function postalLines(address?: string | string[], postcode?: string | string[]): Array<{ address: string; postcode?: string }> {
  const addresses = address === undefined ? [] : [address].flat();
  const postcodes = postcode === undefined ? [] : [postcode].flat();
  const lines: Array<{ address: string; postcode?: string }> = addresses.map((a, i) => ({
    address: a,
    postcode: postcodes[i] ?? (i === addresses.length - 1 ? postcodes.slice(addresses.length).join('、') : undefined),
  }));
  if (!addresses.length && postcodes.length) lines.push({ address: '', postcode: postcodes.join('、') });
  return lines;
}
