import { describe, expect, it } from 'vitest';
import { saysMaybeHidden } from '../../src/extract/css/hiding-class.js';
import { hidingWords } from '../../src/extract/css/page-styles.js';

const says = (token: string) => saysMaybeHidden(token, hidingWords());

describe('a class or id that says its element may be hidden', () => {
  it('reads hiding words, whole or as a part', () => {
    for (const token of [
      'hidden',
      'd-none',
      'hidden-xs',
      'visually-hidden',
      'sr-only',
      'order-modal',
      'card__hidden',
    ])
      expect(says(token), token).toBe(true);
  });

  it('does not read a part that is about another property', () => {
    for (const token of [
      'overflow-hidden',
      'focus-none',
      'focus:outline-none',
      'list-none',
      'pointer-events-none',
    ])
      expect(says(token), token).toBe(false);
  });

  it("does not read a BEM element by its block's name", () => {
    for (const token of [
      'modal__close-button',
      'c-accordion__link',
      'dropdown__menuitem',
      'menu-drawer__menu-item',
    ])
      expect(says(token), token).toBe(false);
  });

  it('does not read ordinary names', () => {
    for (const token of ['content-for-layout', 'footer', 'contact-info', 'popular-products'])
      expect(says(token), token).toBe(false);
  });
});
