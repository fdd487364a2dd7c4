import http from 'node:http';
import type { Driver } from 'neo4j-driver';
import { listen, type BenchServer } from './startNeo4jGraphqlServer.js';

/**
 * The floor: `POST /cypher` with `{"cypher", "params"}` runs one read query through `neo4j-driver` and answers the
 * records as JSON. The same HTTP and JSON costs as the GraphQL servers, none of their work. Bench use only.
 */
export function startRawCypherServer(driver: Driver): Promise<BenchServer> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        try {
          const { cypher, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            cypher: string;
            params: Record<string, unknown>;
          };
          const result = await driver.executeQuery(cypher, params, { routing: 'READ' });
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ data: result.records.map((record) => record.toObject()) }));
        } catch (error) {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
        }
      })();
    });
  });
  return listen(server);
}
