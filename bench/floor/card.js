// The floor's card: one message, then one line of text, then the same mark Tiercover's card sets.
const slug = new URLSearchParams(location.search).get('slug') ?? '';
const account = await chrome.runtime.sendMessage({ type: 'lookup', slug });
document.getElementById('line').textContent = account ? `${account.name}: ${account.tier}` : 'No match';
performance.mark('tiercover:card');
