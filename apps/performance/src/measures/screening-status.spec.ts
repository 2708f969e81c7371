import { uptakeStatus } from './screening-status.js';

describe('the status of a month of screening uptake', () => {
  const breast = { value: 0.8, lower: 0.7 };
  const bowel = { value: 0.6, lower: null };

  it('is achievable at or above the target', () => {
    expect(uptakeStatus(0.8, breast)).toBe('achievable');
    expect(uptakeStatus(0.93, breast)).toBe('achievable');
    expect(uptakeStatus(0.6, bowel)).toBe('achievable');
  });

  it('is acceptable from the lower threshold up to the target', () => {
    expect(uptakeStatus(0.7, breast)).toBe('acceptable');
    expect(uptakeStatus(0.7999, breast)).toBe('acceptable');
  });

  it('is below under the lower threshold', () => {
    expect(uptakeStatus(0.6999, breast)).toBe('below');
    expect(uptakeStatus(0, breast)).toBe('below');
  });

  it('goes straight from achievable to below when the programme has no lower threshold', () => {
    expect(uptakeStatus(0.5999, bowel)).toBe('below');
    expect(uptakeStatus(0.3, bowel)).toBe('below');
  });

  it('judges the exact share, so one that only rounds up to the target has not reached it', () => {
    const share = 79_996 / 100_000; // shown as 0.8
    expect(Number(share.toFixed(4))).toBe(0.8);
    expect(uptakeStatus(share, breast)).toBe('acceptable');
  });
});
