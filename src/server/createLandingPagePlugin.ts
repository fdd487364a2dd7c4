import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { assertNever } from '../domain/assertNever.js';
import { graphiqlPage } from '../graphiql/graphiqlPage.js';

/** What a browser opening `/graphql` gets: our GraphiQL (works offline), Apollo Sandbox (loads from Apollo's CDN), or nothing. */
export type GraphqlIde = 'graphiql' | 'sandbox' | 'off';

/** The landing page plugin for `ide`; GraphiQL's assets must be served by `createGraphiqlRouter`. */
export function createLandingPagePlugin(ide: GraphqlIde, graphqlPath = '/graphql'): ApolloServerPlugin<BaseContext> {
  switch (ide) {
    case 'graphiql':
      return {
        async serverWillStart() {
          return {
            async renderLandingPage() {
              return { html: graphiqlPage(graphqlPath) };
            },
          };
        },
      };
    case 'sandbox':
      return ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false });
    case 'off':
      return ApolloServerPluginLandingPageDisabled();
    default:
      return assertNever(ide);
  }
}
