import { useTranslations } from 'next-intl';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { useFormat } from '@/components/i18n/use-format';
import { renderWithIntl } from './intl';

function Sample() {
  const t = useTranslations('common');
  const f = useFormat();
  return createElement('p', null, `${t('notFound.title')} ${f.count(1234)}`);
}

describe('renderWithIntl', () => {
  it('renders a component in the language asked for', () => {
    expect(renderWithIntl(createElement(Sample))).toBe('<p>Not found 1,234</p>');
    expect(renderWithIntl(createElement(Sample), 'es')).toBe('<p>No encontrada 1.234</p>');
  });
});
