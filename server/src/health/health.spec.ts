import { DataSource } from 'typeorm';
import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';

describeEachDatabase('health and HTTP edges', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url, seed: false });
  });
  afterAll(() => t.close());

  it('reports the database up', async () => {
    const response = await t.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with a 404 ApiErrorBody', async () => {
    const response = await t.http.get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('answers malformed JSON with 400', async () => {
    const response = await t.http
      .post('/api/auth/wechat-login')
      .set('Content-Type', 'application/json')
      .send('{"code": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('answers a body over 64 KB with 413', async () => {
    const response = await t.http.post('/api/auth/wechat-login').send({ code: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.http
      .post('/api/auth/wechat-login')
      .set('Content-Type', 'application/xml')
      .send('<code/>');
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
  });

  it('serves the OpenAPI document with the zod request schemas', async () => {
    const response = await t.http.get('/docs/json');
    expect(response.status).toBe(200);
    const operation = response.body.paths['/api/auth/wechat-login'].post;
    expect(operation.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { code: { type: 'string', minLength: 1 } },
      required: ['code'],
    });
  });

  it('reports the database down with 503', async () => {
    await t.get(DataSource).destroy();
    const response = await t.http.get('/health');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'error', database: 'down' });
    await t.get(DataSource).initialize();
  });
});
