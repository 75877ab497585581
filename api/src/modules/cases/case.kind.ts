/** 经验交流 as a content kind: the shared workflow. */
import { defineContentKind } from '../content/kinds.js';
import { ExperienceCaseType } from './case.types.js';

declare module '../content/content-enums.js' {
  interface ContentKinds {
    CASE: true; // 经验交流: experience cases
  }
}

export const CASE_KIND = defineContentKind({
  kind: 'CASE',
  typeName: 'ExperienceCase',
  type: () => ExperienceCaseType,
  label: '经验案例',
  reviewLink: '/workspace/',
  workflow: 'shared',
});
