import { Controller, Get, Module, Post } from '@nestjs/common';
import { Public, Roles } from '#platform';
import { routePolicies, serviceTestEnv } from '#testing';
import { MeetingsAppModule } from '../apps/meetings/src/app.module.js';
import { MembershipModule } from '../apps/membership/src/app.module.js';
import { PerformanceModule } from '../apps/performance/src/app.module.js';
import { PrioritiesAppModule } from '../apps/priorities/src/app.module.js';
import { WorkflowModule } from '../apps/workflow/src/app.module.js';

const env = (service: string) => serviceTestEnv(service, { schema: 'route_policy' });

const services = {
  membership: () => MembershipModule.forRoot(env('membership')),
  meetings: () => MeetingsAppModule.forRoot(env('meetings')),
  priorities: () => PrioritiesAppModule.forRoot(env('priorities')),
  performance: () => PerformanceModule.forRoot(env('performance')),
  workflow: () => WorkflowModule.forRoot(env('workflow')),
};

/**
 * Every route says who may call it: `@Roles(...)` or `@Public()` on the handler or its
 * controller. A route with neither would be open to any signed-in caller by default, so a new
 * route without one fails CI here.
 */
describe('route policy', () => {
  it.each(Object.entries(services))(
    'every %s route declares its roles or is public',
    async (_name, root) => {
      const routes = await routePolicies(root());
      expect(routes.length).toBeGreaterThan(5);
      const undeclared = routes
        .filter((route) => route.policy === 'none')
        .map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`);
      expect(undeclared).toEqual([]);
    },
  );

  it('finds routes in dynamic and nested modules, and reports one without a policy', async () => {
    @Controller('open')
    class Careless {
      @Get(':id')
      read() {
        return {};
      }

      @Post()
      @Roles('admin')
      write() {
        return {};
      }
    }
    @Public()
    @Controller('health')
    class Health {
      @Get()
      check() {
        return {};
      }
    }
    @Module({ controllers: [Careless] })
    class Inner {}
    @Module({})
    class Root {}
    const routes = await routePolicies({
      module: Root,
      imports: [Inner, { module: class Health2 {}, controllers: [Health] }],
    });
    expect(routes).toEqual([
      { controller: 'Careless', handler: 'read', method: 'GET', path: '/open/:id', policy: 'none' },
      {
        controller: 'Careless',
        handler: 'write',
        method: 'POST',
        path: '/open',
        policy: ['admin'],
      },
      { controller: 'Health', handler: 'check', method: 'GET', path: '/health', policy: 'public' },
    ]);
  });
});
