import { fitText } from './fit-text.js';

describe('fitText', () => {
  it('leaves text that fits alone', () => {
    expect(fitText('Lung: FDS below target', 22)).toBe('Lung: FDS below target');
  });

  it('cuts longer text to the limit, ending in an ellipsis', () => {
    const fitted = fitText('a'.repeat(400), 300);
    expect([...fitted]).toHaveLength(300);
    expect(fitted.endsWith('a…')).toBe(true);
  });

  it('counts characters, never splitting one in two', () => {
    expect(fitText('😀😀😀', 2)).toBe('😀…');
  });
});
