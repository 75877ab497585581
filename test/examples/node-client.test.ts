/**
 * The example app (examples/node-client) run as an integrator would run it, so it cannot rot: its
 * generated client is up to date with schema/ (GraphQL Code Generator's --check), it lists a
 * portal's latest news with an API key, and its receiver verifies a signed webhook delivery (and
 * refuses a forged one).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/core/config.js';
import { freePort } from '../../api/src/core/db/throwaway.js';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId } from '../support/identity.js';
import { runNode, type Spawned } from '../support/processes.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'node-client');
const { db, api, as } = useSuite({ actors: ['groupAdmin', 'branchEditor', 'plantReviewer', 'platformAdmin'], env: { NOTIFY_POLL_SECONDS: '1' } });
const { groupAdmin, branchEditor, plantReviewer, platformAdmin } = as;

let receiver: Spawned | undefined;
afterAll(() => {
  if (receiver && receiver.child.exitCode === null) receiver.child.kill('SIGKILL');
});

describe('the example Node client', () => {
  it('has its generated client up to date with the schema', async () => {
    const codegen = path.join(EXAMPLE, 'node_modules', '.bin', 'graphql-codegen');
    // --check exits non-zero when src/generated/ is not what the schema gives: run `pnpm codegen` there.
    const result = await promisify(execFile)(codegen, ['--config', 'codegen.ts', '--check'], { cwd: EXAMPLE }).then(
      () => 'up to date',
      (error: { stdout?: string; stderr?: string }) => `stale — run \`pnpm codegen\` in examples/node-client:\n${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
    expect(result).toBe('up to date');
  }, 60_000);

  it('lists the latest news of a portal with an API key', async () => {
    const made = await expectOk(groupAdmin, `mutation($i: ApiClientCreateInput!) { apiClientCreate(input: $i) { key userErrors { code } } }`, {
      i: { enterpriseId: gid('Enterprise', 1), name: '示例应用', scopes: ['PUBLIC_READ'] },
    });
    const run = runNode(['src/latest-news.ts', 'huayou'], EXAMPLE, { DANGJIAN_API_URL: api.url, DANGJIAN_API_KEY: made.apiClientCreate.key });
    const { code } = await run.exited;
    expect(code, run.output()).toBe(0);
    const [latest] = await db.query<{ title: string }>(
      `select c.title from content c join organization o on o.id = c.organization_id
        where c.kind = 'NEWS' and c.status = 'PUBLISHED' and c.visibility = 'PUBLIC' and c.enterprise_id = 1 and c.published_at <= now()
        order by c.published_at desc, c.id desc limit 1`,
    );
    expect(run.output()).toMatch(/（API_CLIENT）：\d+ 条动态，最新 \d+ 条/);
    expect(run.output()).toContain(latest!.title);
  });

  it('receives a webhook and verifies its signature; a forged one is refused', async () => {
    await expectOk(platformAdmin, `mutation($e: ID!) { webhookNetworkSet(enterpriseId: $e, allowPrivateNetwork: true) { userErrors { code } } }`, { e: gid('Enterprise', 1) });
    const port = await freePort();
    const endpoint = await expectOk(groupAdmin, `mutation($e: ID!, $i: WebhookEndpointCreateInput!) { webhookEndpointCreate(enterpriseId: $e, input: $i) { secret userErrors { code } } }`, {
      e: gid('Enterprise', 1),
      i: { url: `http://127.0.0.1:${port}/`, eventTypes: ['content.published'], scope: 'PUBLIC_READ' },
    });
    receiver = runNode(['src/receive-webhooks.ts'], EXAMPLE, { DANGJIAN_WEBHOOK_SECRET: endpoint.webhookEndpointCreate.secret, PORT: String(port) });
    await receiver.waitFor(/listening on/);

    const forged = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'x-dangjian-timestamp': String(Math.floor(Date.now() / 1000)), 'x-dangjian-signature': 'sha256=00' }, body: '{}' });
    expect(forged.status).toBe(401);

    const branch = gid('Organization', await orgId(db, '采油一队党支部'));
    const created = await expectOk(branchEditor, `mutation($i: NewsCreateInput!) { newsCreate(input: $i) { newsArticle { id } userErrors { code } } }`, {
      i: { organizationId: branch, title: '示例应用收到的推送', bodyHtml: '<p>正文。</p>' },
    });
    const id = created.newsCreate.newsArticle.id;
    await expectOk(branchEditor, `mutation($id: ID!) { newsSubmit(id: $id) { userErrors { code } } }`, { id });
    await expectOk(plantReviewer, `mutation($id: ID!) { newsApprove(id: $id) { userErrors { code } } }`, { id });
    await receiver.waitFor(/verified content\.published 示例应用收到的推送/, 20_000);
    expect(receiver.output()).toContain('refused: bad signature');
  });
});
