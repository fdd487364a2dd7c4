import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/search/normalizeName.js';

describe('normalizeName', () => {
  it.each([
    ['Воробьёв', 'Воробьев'],
    ['Воробьев', 'Vorobyov'],
    ['Vorobyov', 'Vorobiev'],
    ['Самрук-Казына', 'Самрук-Қазына'],
    ['Samruk-Kazyna', 'АО «Самрук-Қазына»'],
    ['Абаев', 'Әбаев'],
    ['Abayev', 'Abaev'],
    ['Podmoskovye', 'Подмосковье'],
    ['ТОО «ТЛЦ Алатау»', 'TLC Alatau LLP'],
    ['Казахстан темир жолы', 'Kazakhstan Temir Zholy'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(normalizeName(a)).toBe(normalizeName(b));
    expect(normalizeName(a)).not.toBe('');
  });

  it('keeps different names apart', () => {
    expect(normalizeName('KTZ')).not.toBe(normalizeName('KTZ-Express'));
    expect(normalizeName('Алматы')).not.toBe(normalizeName('Москва'));
  });

  it('leaves nothing of Lucene syntax in a key', () => {
    for (const hostile of ['KTZ AND (', '*', '"', '\\', 'a:b~2^3', '(+x -y)', '{[/]}', '&& || !']) {
      expect(normalizeName(hostile)).toMatch(/^[a-z0-9 ]*$/);
    }
  });
});
