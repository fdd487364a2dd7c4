import cors from 'cors';

/**
 * CORS for the origins in `allowedOrigins` (`*`: any). Other origins get no CORS headers, so browsers refuse to
 * hand them our answers. Tokens travel in `Authorization`, never in cookies, so credentials stay off.
 * Connect-style: it serves Express routes and bare `node:http` requests alike.
 */
export function createCorsMiddleware({ allowedOrigins }: { allowedOrigins: readonly string[] }): ReturnType<typeof cors> {
  const any = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin, callback) => callback(null, any || (origin !== undefined && allowed.has(origin))),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
    maxAge: 600,
  });
}
