import { expect, it } from 'vitest';
import { allRoutes } from '../routes.ts';
import { call } from '../test/factories.ts';
import { describeEachDatabase } from '../test/server.ts';

describeEachDatabase('OpenAPI and health', (ctx) => {
  it('publishes an OpenAPI 3.1 document with every route, its schemas and the error shape', async () => {
    const res = await call(ctx(), 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const route of allRoutes) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = res.body.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      expect(op.responses['400'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    }
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(res.body.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
  });

  it('declares a file download as a binary body of its media type, not as untyped JSON', async () => {
    const res = await call(ctx(), 'GET', '/api/openapi.json');
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const ok = res.body.paths['/api/plans/{id}/export.xlsx'].get.responses['200'];
    expect(Object.keys(ok.content)).toEqual([xlsx]);
    expect(ok.content[xlsx].schema).toMatchObject({ type: 'string', format: 'binary' });
    expect(ok.content[xlsx].schema.contentMediaType).toBeUndefined();
    // Its errors are still JSON, and JSON routes keep their schemas.
    expect(
      res.body.paths['/api/plans/{id}/export.xlsx'].get.responses['404'].content['application/json'],
    ).toBeDefined();
    expect(res.body.paths['/api/plans/{id}'].get.responses['200'].content['application/json'].schema.type).toBe(
      'object',
    );
  });

  it('serves a readable docs page', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('/api/users/{id}');
  });

  it('answers /healthz and /readyz', async () => {
    expect((await call(ctx(), 'GET', '/healthz')).body.status).toBe('ok');
    expect((await call(ctx(), 'GET', '/readyz')).body.status).toBe('ready');
  });

  it('answers an unknown API route with 404 in the one error shape', async () => {
    const res = await call(ctx(), 'GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('rejects a body over 1 MiB with 413, not 500', async () => {
    const res = await call(ctx(), 'POST', '/api/auth/login', { email: 'a@b.test', password: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});
