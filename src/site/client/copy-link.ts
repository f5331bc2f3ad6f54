// Problem links: following one still jumps to the problem; where the browser allows, the full
// address is also copied so it can be pasted into a message.
export function enhanceProblemLinks(root: ParentNode = document): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a.problem-link')) {
    link.addEventListener('click', () => {
      if (!navigator.clipboard) return;
      navigator.clipboard.writeText(link.href).then(
        () => {
          const label = link.textContent;
          link.textContent = '已复制链接';
          setTimeout(() => (link.textContent = label), 2000);
        },
        () => undefined,
      );
    });
  }
}
