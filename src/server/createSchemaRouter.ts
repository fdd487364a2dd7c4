import express from 'express';
import { printSchema, type GraphQLSchema } from 'graphql';

/**
 * `GET /schema.graphql`: the served schema as SDL, with its descriptions, for codegen and IDEs that read a file.
 * Printed from the executable schema, so it is what introspection answers, in the order of `schema/`.
 */
export function createSchemaRouter(schema: GraphQLSchema): express.Router {
  const sdl = printSchema(schema);
  const router = express.Router();
  router.get('/schema.graphql', (_req, res) => {
    res.set({ 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.type('text/plain; charset=utf-8').send(`${sdl}\n`);
  });
  return router;
}
