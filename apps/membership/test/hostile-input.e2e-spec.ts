import { MembershipHarness } from './membership-harness.js';
import { anAlliance } from './builders.js';

/** Input PostgreSQL cannot store is refused at the edge with 400 naming the field, never 500. */
describe('membership refuses input the database cannot hold', () => {
  let h: MembershipHarness;

  beforeAll(async () => {
    h = await MembershipHarness.start();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('refuses a NUL character in a body field and in a query parameter', async () => {
    const created = await h.post('/alliances', anAlliance({ name: 'a\u0000b' })).expect(400);
    expect(created.body).toMatchObject({
      errors: [{ field: 'name', messages: ['must not contain the NUL character'] }],
    });
    const searched = await h.get('/members?q=a%00b', ['admin']).expect(400);
    expect(searched.body).toMatchObject({ errors: [{ field: 'q' }] });
  });

  it('refuses an offset beyond any list', async () => {
    const page = await h.get('/alliances?offset=9223372036854775807', ['admin']).expect(400);
    expect(page.body).toMatchObject({ errors: [{ field: 'offset' }] });
    await h.get('/alliances?offset=1000', ['admin']).expect(200);
  });

  it('names the path parameter that is not a UUID', async () => {
    const response = await h.get('/bodies/not-a-uuid', ['admin']).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      errors: [{ field: 'id', messages: ['id must be a UUID'] }],
    });
  });
});
