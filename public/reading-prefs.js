// Applies the reader's saved reading settings (text size, line spacing, contrast, script, cursor, reading
// guide, caption, plain mode) before the
// page is drawn, so nothing jumps. Loaded without defer in <head>; the toolbar (src/reading/client/reading-controls)
// changes and saves them. Key and values: see src/reading/prefs.
(function () {
  var root = document.documentElement;
  // The toolbar shows from the first paint, so nothing moves when its script arrives (no layout shift).
  root.setAttribute('data-reading-controls', '');
  try {
    var prefs = JSON.parse(localStorage.getItem('gongshi-reading') || '{}');
    if ([125, 150, 175, 200].indexOf(prefs.size) >= 0) root.setAttribute('data-text-size', String(prefs.size));
    if (prefs.lineSpacing === 'wide') root.setAttribute('data-line-spacing', 'wide');
    if (prefs.contrast === 'high' || prefs.contrast === 'normal') root.setAttribute('data-contrast', prefs.contrast);
    if (prefs.script === 'hant') root.setAttribute('data-script', 'hant');
    if (prefs.cursor === 'large' || prefs.cursor === 'larger') root.setAttribute('data-cursor', prefs.cursor);
    if (prefs.guide === 'line' || prefs.guide === 'cross') root.setAttribute('data-guide', prefs.guide);
    if (prefs.caption === true) root.setAttribute('data-caption', '');
    if (prefs.plain === true) root.setAttribute('data-plain', '');
  } catch (e) {
    // No storage (private mode, blocked): the defaults stay.
  }
})();
