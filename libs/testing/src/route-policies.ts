import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { IS_PUBLIC_KEY, ROLES_KEY, type Role } from '#platform';

/** One HTTP route of a module tree and the access policy declared on it. */
export interface RoutePolicy {
  readonly controller: string;
  readonly handler: string;
  readonly method: string;
  readonly path: string;
  /** `public`, the roles it requires, or `none` when nobody declared one. */
  readonly policy: 'public' | readonly Role[] | 'none';
}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

type ModuleLike =
  Type<unknown> | DynamicModule | Promise<DynamicModule> | { forwardRef: () => unknown };

function isDynamic(module: unknown): module is DynamicModule {
  return typeof module === 'object' && module !== null && 'module' in module;
}

/** Every controller a module tree declares, static and dynamic imports followed. */
async function controllersOf(
  root: ModuleLike,
  seen = new Set<unknown>(),
): Promise<Type<unknown>[]> {
  const module: unknown = await root;
  if (module === undefined || module === null || seen.has(module)) {
    return [];
  }
  seen.add(module);
  const type = (isDynamic(module) ? module.module : module) as Type<unknown>;
  const imports = [
    ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as ModuleLike[] | undefined) ?? []),
    ...(isDynamic(module) ? ((module.imports ?? []) as ModuleLike[]) : []),
  ];
  const controllers = [
    ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as Type<unknown>[] | undefined) ??
      []),
    ...(isDynamic(module) ? (module.controllers ?? []) : []),
  ];
  for (const imported of imports) {
    const resolved =
      typeof imported === 'object' && imported !== null && 'forwardRef' in imported
        ? (imported.forwardRef() as ModuleLike)
        : imported;
    controllers.push(...(await controllersOf(resolved, seen)));
  }
  return [...new Set(controllers)];
}

function joinPath(...parts: unknown[]): string {
  const segments = parts
    .flatMap((part): unknown[] => (Array.isArray(part) ? (part as unknown[]) : [part]))
    .filter((part): part is string => typeof part === 'string' && part !== '' && part !== '/');
  return `/${segments.map((segment) => segment.replace(/^\/+|\/+$/g, '')).join('/')}`;
}

/**
 * Every route of a service's module tree with the policy declared on its handler or its
 * controller: what the auth guard will read. A route with `none` is open to any signed-in caller
 * by default, which the platform never wants by accident.
 */
export async function routePolicies(root: DynamicModule | Type<unknown>): Promise<RoutePolicy[]> {
  const routes: RoutePolicy[] = [];
  for (const controller of await controllersOf(root)) {
    const base: unknown = Reflect.getMetadata(PATH_METADATA, controller);
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') {
        continue;
      }
      const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
      if (typeof method !== 'number') {
        continue;
      }
      const declared = (key: string): unknown =>
        Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
      const roles = declared(ROLES_KEY) as Role[] | undefined;
      routes.push({
        controller: controller.name,
        handler: name,
        method: HTTP_METHODS[method] ?? String(method),
        path: joinPath(base, Reflect.getMetadata(PATH_METADATA, handler)),
        policy: declared(IS_PUBLIC_KEY) === true ? 'public' : (roles ?? 'none'),
      });
    }
  }
  return routes;
}
