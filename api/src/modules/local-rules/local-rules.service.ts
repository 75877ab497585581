/** Reading the value in force of a LOCAL rule, and setting it (top-level admins; audited). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { badInput } from '../../core/graphql/errors.js';
import { localRuleDefinitions, type LocalRule } from '../../core/module.js';
import { recordAudit } from '../audit/audit.service.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { LocalRuleSetting } from './local-rule.entity.js';

export interface LocalRuleState {
  rule: LocalRule;
  value: number;
  setting: LocalRuleSetting | null;
}

function definition(key: string): LocalRule {
  const rule = localRuleDefinitions().get(key);
  if (!rule) throw badInput(`There is no LOCAL rule ${key}.`, 'key');
  return rule;
}

/** The value in force for an enterprise: its setting, or the rule's default. One indexed read. */
export async function localRuleValue(em: EntityManager, enterpriseId: number, key: string): Promise<number> {
  const rule = localRuleDefinitions().get(key);
  if (!rule) throw new Error(`local rule ${key} is not declared by any installed module`);
  const [row] = await em.getConnection().execute<{ value: number }[]>('select value from local_rule_setting where enterprise_id = ? and key = ?', [enterpriseId, key]);
  return row?.value ?? rule.default;
}

/** Every declared rule with the enterprise's value, in key order. */
export async function localRulesOf(em: EntityManager, actor: Actor, enterpriseId: number): Promise<LocalRuleState[]> {
  await assertCan(em, actor, 'readLocalRules', Enterprise, 'Enterprise', enterpriseId, 'The enterprise');
  const settings = new Map((await em.find(LocalRuleSetting, { enterprise: enterpriseId })).map((s) => [s.key, s]));
  return [...localRuleDefinitions().values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((rule) => {
      const setting = settings.get(rule.key) ?? null;
      return { rule, value: setting?.value ?? rule.default, setting };
    });
}

/** Sets a rule's value for an enterprise; `null` goes back to the default. */
export async function setLocalRule(em: EntityManager, actor: Actor, enterpriseId: number, key: string, value: number | null): Promise<LocalRuleState> {
  const me = requireUser(actor.viewer);
  const rule = definition(key);
  if (value !== null && !(Number.isInteger(value) && value >= rule.min && value <= rule.max)) {
    throw badInput(`${rule.label} is a whole number from ${rule.min} to ${rule.max}.`, 'value');
  }
  return em.transactional(async (tx) => {
    await assertCan(tx, actor, 'manageLocalRules', Enterprise, 'Enterprise', enterpriseId, 'The enterprise');
    const [before] = await tx.getConnection().execute<{ value: number }[]>('select value from local_rule_setting where enterprise_id = ? and key = ? for update', [enterpriseId, key]);
    let setting: LocalRuleSetting | null = null;
    if (value === null || value === rule.default) await tx.nativeDelete(LocalRuleSetting, { enterprise: enterpriseId, key });
    else setting = await tx.upsert(LocalRuleSetting, { enterprise: enterpriseId, key, value, updatedBy: me.userId, updatedAt: new Date() });
    recordAudit(tx, actor.viewer, { action: 'localRule.set', subjectType: 'Enterprise', subjectId: enterpriseId, enterpriseId, details: { key, from: before?.value ?? rule.default, to: value ?? rule.default } });
    await tx.flush();
    return { rule, value: value ?? rule.default, setting };
  });
}
