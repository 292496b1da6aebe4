import { fixedReply, receiveJson, requiredText, send, sendInvalid, sendJson } from '../http-io.ts';
import type { Route } from '../route.ts';

const BAD_CREDENTIALS = fixedReply(401, { error: 'invalid credentials' });
const BAD_REFRESH = fixedReply(401, { error: 'invalid refresh token' });

/** The authentication service of docs/requirements.md, 001: login with user name and password, token refresh. */
export const authRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/auth/login',
    handle: ({ services, request, response }) =>
      receiveJson(request, response, (body) => {
        const username = requiredText(response, body, 'username');
        if (username === undefined) return;
        const { password } = body;
        if (typeof password !== 'string' || password.length === 0) {
          return sendInvalid(response, 'password', typeof password === 'string' ? password : '(hidden)', 'a non-empty string');
        }
        const tokens = services.sessions.login(username, password);
        if (tokens) sendJson(response, 200, tokens);
        else send(response, BAD_CREDENTIALS);
      }),
  },
  {
    method: 'POST',
    path: '/auth/refresh',
    handle: ({ services, request, response }) =>
      receiveJson(request, response, (body) => {
        const refreshToken = requiredText(response, body, 'refreshToken');
        if (refreshToken === undefined) return;
        const tokens = services.sessions.refresh(refreshToken);
        if (tokens) sendJson(response, 200, tokens);
        else send(response, BAD_REFRESH);
      }),
  },
];
