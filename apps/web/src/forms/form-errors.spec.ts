import { ApiError } from '../api/services-api.js';
import { formErrorsOf } from './form-errors.js';

describe('a refused form', () => {
  it("links each of the service's field errors to the form's input", () => {
    const refused = new ApiError('workflow', 400, 'Validation failed', [
      { field: 'text', messages: ['text must be longer than or equal to 1 characters'] },
    ]);
    expect(formErrorsOf(refused, { text: 'note' })).toEqual({
      list: [{ text: 'text must be longer than or equal to 1 characters', href: '#note' }],
      byField: { note: { text: 'text must be longer than or equal to 1 characters' } },
    });
  });

  it('puts a refusal that names no field on the first input', () => {
    const refused = new ApiError('workflow', 422, 'The case is closed');
    expect(formErrorsOf(refused, { text: 'note' }).list).toEqual([
      { text: 'The case is closed', href: '#note' },
    ]);
  });

  it('throws anything that is not a form error on, for the error pages', () => {
    const down = new ApiError('workflow', 503, 'unreachable');
    expect(() => formErrorsOf(down, { text: 'note' })).toThrow(down);
  });
});
