/** Finding a branch in a large tree: `descendants(nameContains:)` within the subtree and the caller's reach. */
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { gid, orgId } from '../support/identity.js';

const { db, as } = useSuite({ actors: ['member'] });
const FIND = `query($id: ID!, $q: String) { organization(id: $id) { descendants(first: 20, nameContains: $q) { totalCount nodes { name } } } }`;

describe('descendants by name', () => {
  it('matches a part of the name below the organisation, literally', async () => {
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const found = (await as.member(FIND, { id: plant, q: '采油一' })).data!.organization.descendants;
    expect(found.nodes.map((n: { name: string }) => n.name)).toEqual(['采油一矿党总支', '采油一队党支部']);
    expect(found.totalCount).toBe(2);
    // Wildcards are letters here.
    expect((await as.member(FIND, { id: plant, q: '%' })).data!.organization.descendants.totalCount).toBe(0);
    // Nothing above or beside the organisation.
    expect((await as.member(FIND, { id: plant, q: '炼化' })).data!.organization.descendants.totalCount).toBe(0);
  });
});
