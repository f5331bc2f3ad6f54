// <gongshi-toc>, a notice's table of contents (src/components/NoticeToc.astro): closed on a narrow screen, so a
// phone shows the notice's text first; the reader opens it with its summary. Wide screens keep it open.
class NoticeToc extends HTMLElement {
  connectedCallback(): void {
    const details = this.querySelector('details');
    if (details && matchMedia('(max-width: 40em)').matches) details.open = false;
    this.dataset.ready = '';
  }
}

customElements.define('gongshi-toc', NoticeToc);
