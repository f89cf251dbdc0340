import { describe, expect, it } from 'vitest';
import { createPayload, emptyValues, updatePayload, valuesOf } from './article-payload.ts';
import { anArticle } from './test-kb.tsx';

describe('article payloads', () => {
  it('trims, drops an empty answer and repeated tags, and sends the case a new article comes from', () => {
    const values = { ...emptyValues('ru'), title: '  Сроки доставки ', answer: '   ', tags: [' доставка', 'доставка', ''] };
    expect(createPayload(values, '00000000-0000-4000-8000-000000000b01')).toEqual({
      title: 'Сроки доставки',
      body: '',
      answer: null,
      categoryId: null,
      language: 'ru',
      audience: 'internal',
      status: 'published',
      tags: ['доставка'],
      sourceCaseId: '00000000-0000-4000-8000-000000000b01',
    });
    expect(createPayload(values)).not.toHaveProperty('sourceCaseId');
  });

  it('sends a new version with the version the editor started from', () => {
    const article = anArticle('00000000-0000-4000-8000-000000000a01', 'Delivery times', { version: 7, audience: 'public' });
    expect(updatePayload(valuesOf(article), 7)).toEqual({
      title: 'Delivery times',
      body: article.body,
      answer: article.answer,
      categoryId: article.category?.id,
      language: 'en',
      audience: 'public',
      status: 'published',
      tags: ['delivery'],
      version: 7,
    });
  });
});
