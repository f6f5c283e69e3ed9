import { describe, expect, it } from 'vitest';
import { isInvalidTldName, makeGuardedLookup, type Resolver } from '../../src/crawl/address-guard.js';

describe('names under .invalid', () => {
  it('are recognised with or without a trailing dot, and nothing else is', () => {
    expect(isInvalidTldName('shop.invalid')).toBe(true);
    expect(isInvalidTldName('www.Shop.INVALID.')).toBe(true);
    expect(isInvalidTldName('invalid')).toBe(true);
    expect(isInvalidTldName('invalid.nl')).toBe(false);
    expect(isInvalidTldName('shopinvalid')).toBe(false);
  });

  it('fail as ENOTFOUND without asking the resolver', async () => {
    let asked = 0;
    const resolver: Resolver = (_host, _opts, cb) => {
      asked += 1;
      cb(null, [{ address: '93.184.216.34', family: 4 }]);
    };
    const lookup = makeGuardedLookup(true, resolver);
    const error = await new Promise<NodeJS.ErrnoException | null>((done) =>
      lookup('shop.invalid', {}, (err) => done(err)),
    );
    expect(error?.code).toBe('ENOTFOUND');
    expect(asked).toBe(0);
    await new Promise<void>((done) => lookup('shop.example', {}, () => done()));
    expect(asked).toBe(1);
  });
});
