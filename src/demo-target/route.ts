import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dealer } from './services/dealer.ts';
import type { FlashSale } from './services/flash-sale.ts';
import type { Ledger } from './services/ledger.ts';
import type { Sessions } from './services/sessions.ts';

/** The target's state, shared by every route. */
export interface Services {
  readonly sale: FlashSale;
  readonly ledger: Ledger;
  readonly sessions: Sessions;
  readonly dealer: Dealer;
}

/** What a route handler gets. */
export interface RouteContext {
  readonly services: Services;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /** Values of the path template's `{placeholders}`, decoded. */
  readonly params: Readonly<Record<string, string>>;
}

/** One method and path template, such as `GET /products/{id}`, and its handler. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  handle(context: RouteContext): void;
}

/** The outcome of matching a request: a route with its parameters, or the methods the path allows. */
export type Match = { readonly route: Route; readonly params: Readonly<Record<string, string>> } | { readonly allow: string };

/**
 * Builds a matcher over route templates, whose `{name}` segments match one non-empty path segment.
 * @param routes - The routes.
 * @returns A function from method and path to a match, the allowed methods (for 405), or undefined (404).
 */
export function routeMatcher(routes: readonly Route[]): (method: string, path: string) => Match | undefined {
  const compiled = routes.map((route) => ({ route, segments: route.path.split('/') }));
  return (method, path) => {
    const segments = path.split('/');
    const allowed: string[] = [];
    for (const { route, segments: template } of compiled) {
      if (template.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const fits = template.every((part, i) => {
        const given = segments[i]!;
        if (!part.startsWith('{')) return part === given;
        if (given.length === 0) return false;
        try {
          params[part.slice(1, -1)] = decodeURIComponent(given);
          return true;
        } catch {
          return false;
        }
      });
      if (!fits) continue;
      if (route.method === method) return { route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { allow: allowed.join(', ') } : undefined;
  };
}
