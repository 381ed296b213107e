/**
 * No English slips back into the interface: every JSX text node and every user-facing attribute
 * (aria-label, title, placeholder, alt) in components/ comes from the catalog (docs/I18N.md).
 * Text without letters (symbols like ×, ✎, ·) is fine; a short allow-list holds the rest.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const USER_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label']);

/** Text that is the same in every language: product and site names, example values. */
const ALLOWED = new Set(['Tiercover', 'LinkedIn', 'Salesforce', 'HubSpot', 'https://…', 'crm.example.com', 'wss://sync.example.com']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

/** Hard-coded words in one file's JSX: "file:line: text". */
export function hardCodedText(file: string, source = readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    // Letters make words; `{name}` is a placeholder handed to `rich` (components/rich.tsx).
    if (!/\p{L}{2,}/u.test(clean) || ALLOWED.has(clean) || /^\{\w+\}$/.test(clean)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${relative(ROOT, file)}:${line}: ${clean}`);
  };
  const visit = (node: ts.Node) => {
    // <code>…</code> holds names from code (a CSP rule, a storage key, a column), the same in every language.
    if (ts.isJsxElement(node) && node.openingElement.tagName.getText(sf) === 'code') return;
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && USER_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) visitStrings(init.expression);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) visitStrings(node.expression);
    ts.forEachChild(node, visit);
  };
  // String literals and template text that end up as text: {'Loading…'}, {a ? 'Yes' : 'No'}, {`${n} left`}.
  const visitStrings = (expr: ts.Node) => {
    const walk = (n: ts.Node) => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
        if (!isArgumentOfCall(n)) report(n, n.text);
      } else if (ts.isTemplateExpression(n)) {
        if (!isArgumentOfCall(n)) report(n, [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' '));
      }
      // `(['min', 'max'] as const).map(…)`: values to loop over, not text.
      if (ts.isAsExpression(n)) return;
      if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) return;
      ts.forEachChild(n, walk);
    };
    walk(expr);
  };
  visit(sf);
  return found;
}

/** t('key'), send('type'), x.includes('y'), comparisons: strings that are not shown. */
function isArgumentOfCall(n: ts.Node): boolean {
  const p = n.parent;
  return (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) || (ts.isBinaryExpression(p) && /=/.test(p.operatorToken.getText())) || ts.isElementAccessExpression(p);
}

describe('the interface text', () => {
  it('comes from the catalog, not English in JSX', () => {
    const found = tsxFiles(join(ROOT, 'components')).flatMap((f) => hardCodedText(f));
    expect(found).toEqual([]);
  });

  it('the guard sees text, attributes and strings in expressions', () => {
    const sample = `export const A = () => <p title="Hover me" aria-label={'Read me'}>Hello there {ok ? 'Yes' : '×'} {\`\${n} left\`} {t('card.hide')} ×</p>;`;
    expect(hardCodedText(join(ROOT, 'components/x.tsx'), sample).map((l) => l.replace(/^.*?: /, ''))).toEqual(['Hover me', 'Read me', 'Hello there', 'Yes', 'left']);
  });
});
