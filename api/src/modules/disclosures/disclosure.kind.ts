/** 党务公开 as a content kind: its own four steps instead of the shared workflow. */
import { defineContentKind } from '../content/kinds.js';
import { DisclosureType } from './disclosure.types.js';

declare module '../content/content-enums.js' {
  interface ContentKinds {
    DISCLOSURE: true; // 党务公开
  }
}

export const DISCLOSURE_KIND = defineContentKind({
  kind: 'DISCLOSURE',
  typeName: 'Disclosure',
  type: () => DisclosureType,
  label: '党务公开事项',
  reviewLink: '/workspace/steps',
  workflow: { ownWorkflow: 'Disclosures go through their own steps (disclosureSubmit, disclosureReview, disclosureApprove).' },
});
