import { fixedReply, send } from '../http-io.ts';
import type { Route } from '../route.ts';

/**
 * The six services of the gateway runbook's post-deploy smoke checks (docs/requirements.md, 000), as the demo
 * target serves them under `/services/<name>`: `SMOKE_OPS_RISK_BASE_URL` names `ops-risk`.
 */
export const DEMO_SERVICES = ['web', 'gateway', 'ledger', 'identity', 'ops-risk', 'audit-export'] as const;

const NAMES: ReadonlySet<string> = new Set(DEMO_SERVICES);
const HEALTHY = fixedReply(200, { status: 'ok' });
const READY = fixedReply(200, { status: 'ready' });
const UNKNOWN_SERVICE = fixedReply(404, { error: `unknown service; the demo target serves ${DEMO_SERVICES.join(', ')}` });

/**
 * `GET /ready` for the target itself, and `GET /services/{name}/health` and `GET /services/{name}/ready` for each of
 * {@link DEMO_SERVICES} (404 for another name), so `k6-forge smoke-check --demo-target` has six services to check.
 */
export const serviceRoutes: readonly Route[] = [
  { method: 'GET', path: '/ready', handle: ({ response }) => send(response, READY) },
  {
    method: 'GET',
    path: '/services/{name}/health',
    handle: ({ params, response }) => send(response, NAMES.has(params['name']!) ? HEALTHY : UNKNOWN_SERVICE),
  },
  {
    method: 'GET',
    path: '/services/{name}/ready',
    handle: ({ params, response }) => send(response, NAMES.has(params['name']!) ? READY : UNKNOWN_SERVICE),
  },
];
