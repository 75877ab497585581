/** `pnpm --filter @dangjian/api graphiql:build`: bundles the offline GraphiQL into api/dist/graphiql. */
import { buildGraphiql, GRAPHIQL_DIR } from '../core/http/graphiql/build.js';
import { runCli } from './run.js';

runCli(async () => {
  await buildGraphiql();
  console.log(`GraphiQL bundled into ${GRAPHIQL_DIR}`);
});
