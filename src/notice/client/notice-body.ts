// <gongshi-notice-body>, a notice's text (src/pages/notices/[slug].astro). Its problem links still jump to the
// problem when followed; where the browser allows, the full address is also copied so it can be pasted into a message.
class NoticeBody extends HTMLElement {
  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
  }

  #onClick = (event: Event): void => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a.problem-link');
    if (!link || !navigator.clipboard) return;
    navigator.clipboard.writeText(link.href).then(
      () => {
        const label = link.textContent;
        link.textContent = '已复制链接';
        setTimeout(() => (link.textContent = label), 2000);
      },
      () => undefined,
    );
  };
}

customElements.define('gongshi-notice-body', NoticeBody);
