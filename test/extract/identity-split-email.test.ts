import { describe, expect, it } from 'vitest';
import { readable } from './helpers.js';

describe('an obfuscated e-mail address with a space inside its top-level domain', () => {
  it('reads "info ( @ ) shop.n l" as info@shop.nl', () => {
    expect(readable('<p>Mail ons: info ( @ ) shop.n l</p>').emails).toEqual(['info@shop.nl']);
    expect(readable('<p>info [at] winkel [dot] n l voor vragen</p>').emails).toEqual(['info@winkel.nl']);
  });

  it('joins only when the domain as read is no real one, and only into a real one', () => {
    expect(readable('<p>info ( @ ) shop.nl en meer</p>').emails).toEqual(['info@shop.nl']);
    expect(readable('<p>info ( @ ) shop.n lopen</p>').emails).toEqual([]);
    expect(readable('<p>info ( @ ) shop.x q</p>').emails).toEqual([]);
  });
});
