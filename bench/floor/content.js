// The floor's content script: the same technique as Tiercover's card host (lib/card-host), and
// nothing else. At document_start, as soon as the body exists, a plain div with a closed shadow
// root holding an iframe of the extension's card page; the page's slug goes along in the URL.
(() => {
  if (window.top !== window) return;
  const slug = location.pathname.split('/').filter(Boolean)[1] ?? '';
  const mount = () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.src = `${chrome.runtime.getURL('/card.html')}?slug=${encodeURIComponent(slug)}`;
    frame.style.cssText = 'position:fixed;top:72px;right:16px;width:340px;height:60px;border:0;z-index:2147483000';
    root.append(frame);
    document.body.append(host);
  };
  if (document.body) return mount();
  const observer = new MutationObserver(() => {
    if (!document.body) return;
    observer.disconnect();
    mount();
  });
  observer.observe(document.documentElement, { childList: true });
})();
