import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Course } from './course.entity.js';

/** 学习地图 roles (project-defined, DOMAIN-RULES §8 a): derived from a member's posts and labels. */
export const MapRole = { LEADER: 'LEADER', WORKER: 'WORKER', SECRETARY: 'SECRETARY', MEMBER: 'MEMBER' } as const;
export type MapRole = (typeof MapRole)[keyof typeof MapRole];
export const MAP_ROLE_LABEL: Record<MapRole, string> = { LEADER: '党务领导干部', WORKER: '党务工作者', SECRETARY: '基层党组织书记', MEMBER: '党员' };

/** An organisation's learning map for one role and year: its subtree's members of that role follow it. */
@Entity({ tableName: 'learning_map' })
@Unique({ name: 'learning_map_unique', properties: ['enterprise', 'organization', 'year', 'role'] })
export class LearningMap {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: 'learning_map_organization_idx' })
  organization!: Ref<Organization>;

  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => MapRole })
  role!: MapRole;

  /** 学时 a year. */
  @Property({ type: 'smallint' })
  targetHours!: number;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  publishedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  publishedAt: Date & Opt = new Date();
}

/**
 * A course on a map, required or elective. Added by the map's organisation or by one below it (for
 * its own subtree): lower levels add, never remove what was set above.
 */
@Entity({ tableName: 'learning_map_item' })
@Unique({ name: 'learning_map_item_unique', properties: ['enterprise', 'map', 'course', 'organization'] })
export class LearningMapItem {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'restrict', index: false })
  enterprise!: Ref<Enterprise>;

  @ManyToOne(() => LearningMap, { ref: true, deleteRule: 'cascade', index: 'learning_map_item_map_idx' })
  map!: Ref<LearningMap>;

  @ManyToOne(() => Course, { ref: true, deleteRule: 'cascade', index: 'learning_map_item_course_idx' })
  course!: Ref<Course>;

  /** Who added it; it applies to that organisation's subtree. */
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: false })
  organization!: Ref<Organization>;

  @Property({ type: 'boolean' })
  required!: boolean;
}
