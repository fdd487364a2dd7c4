import cors from 'cors';

/** The origins a development server (NODE_ENV unset or `development`) also allows: any port on this machine. */
export const LOCAL_DEVELOPMENT_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];

/**
 * CORS for the origins in `allowedOrigins` (`*`: any; `http://host:*`: that host on any port). Other origins get
 * no CORS headers, so browsers refuse to hand them our answers. Tokens travel in `Authorization`, never in cookies,
 * so credentials stay off. Connect-style: it serves Express routes and bare `node:http` requests alike.
 */
export function createCorsMiddleware({
  allowedOrigins,
}: {
  allowedOrigins: readonly string[];
}): ReturnType<typeof cors> {
  const any = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins.filter((origin) => !origin.endsWith(':*')));
  const anyPortOf = allowedOrigins.filter((origin) => origin.endsWith(':*')).map((origin) => origin.slice(0, -2));
  const matches = (origin: string) =>
    allowed.has(origin) ||
    anyPortOf.some(
      (host) => origin === host || (origin.startsWith(`${host}:`) && /^\d{1,5}$/.test(origin.slice(host.length + 1))),
    );
  return cors({
    origin: (origin, callback) => callback(null, any || (origin !== undefined && matches(origin))),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
    maxAge: 600,
  });
}
