// <gongshi-print-button> (src/components/PrintButton.astro): shows its button where the browser can print
// and opens the print dialog on a press. Without scripts, or in a browser without window.print, the button
// stays hidden rather than doing nothing.
class PrintButton extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button || typeof window.print !== 'function') return;
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}

if (!customElements.get('gongshi-print-button')) customElements.define('gongshi-print-button', PrintButton);
