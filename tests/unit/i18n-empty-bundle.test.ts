import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureMessages, localeCandidates, messageLookup } from '../../lib/i18n/ensure-messages';

describe('the catalog guard (an empty message bundle from the browser)', () => {
  it('tries the region, then the language, then the default, as the browser does', () => {
    expect(localeCandidates('de-AT', 'en')).toEqual(['de_AT', 'de', 'en']);
    expect(localeCandidates('fr', 'en')).toEqual(['fr', 'en']);
    expect(localeCandidates('en_US', 'en')).toEqual(['en_US', 'en']);
  });

  it('answers like getMessage: case-insensitive names, $1 substitutions, $$ a dollar, unknown names empty', () => {
    const get = messageLookup({ greet: { message: 'Hello $1, $$5 for $2' } }, 'de', 'abc');
    expect(get('Greet', ['Ann', 'tea'])).toBe('Hello Ann, $5 for tea');
    expect(get('greet', 'Bob')).toBe('Hello Bob, $5 for ');
    expect(get('missing')).toBe('');
    expect(get('@@ui_locale')).toBe('de');
    expect(get('@@extension_id')).toBe('abc');
  });

  describe('ensureMessages', () => {
    const files: Record<string, Record<string, { message: string }>> = {
      'ext:/_locales/en/messages.json': { Hello: { message: 'Hello' }, only_en: { message: 'English only' } },
      'ext:/_locales/de/messages.json': { hello: { message: 'Hallo' } },
    };
    function stub(getMessage: (name: string) => string, ui = 'de-AT') {
      const i18n = { getMessage, getUILanguage: () => ui };
      vi.stubGlobal('chrome', {
        i18n,
        runtime: { id: 'abc', getURL: (p: string) => `ext:/${p}`, getManifest: () => ({ default_locale: 'en' }) },
      });
      const fetched: string[] = [];
      vi.stubGlobal('fetch', async (url: string) => {
        fetched.push(url);
        const body = files[url];
        if (!body) throw new TypeError('not found');
        return { ok: true, json: async () => body };
      });
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      return { i18n, fetched };
    }
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    });

    it('does nothing when the browser answers (no file read)', async () => {
      const { i18n, fetched } = stub((n) => (n === '@@ui_locale' ? 'de' : 'Hallo'));
      const before = i18n.getMessage;
      await ensureMessages();
      expect(i18n.getMessage).toBe(before);
      expect(fetched).toEqual([]);
    });

    it('answers from the best _locales file, with the default beneath it, when the browser gives nothing', async () => {
      const { i18n } = stub(() => '');
      await ensureMessages();
      expect(i18n.getMessage('hello')).toBe('Hallo');
      expect(i18n.getMessage('only_en')).toBe('English only');
      expect(i18n.getMessage('@@ui_locale')).toBe('de');
    });

    it('falls back to the default locale for a language the extension does not ship', async () => {
      const { i18n } = stub(() => '', 'ja-JP');
      await ensureMessages();
      expect(i18n.getMessage('hello')).toBe('Hello');
      expect(i18n.getMessage('@@ui_locale')).toBe('en');
    });
  });
});
