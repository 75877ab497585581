/**
 * 电子党员活动证: the member's card in the workspace, with a QR code (the `qrcode` package, as SVG)
 * that opens /verify/<token> on this portal; and that public verify page, for whoever scans it.
 */
import QRCode from 'qrcode';
import { DOCUMENTS, request } from '../../lib/api.js';
import { page, type PageRoute } from '../../lib/route-kit.js';
import MyCard from './MyCard.astro';
import Verify from './Verify.astro';

export const cardPages: PageRoute[] = [
  {
    path: 'workspace/my-card',
    signedIn: true,
    private: true,
    async handle({ site, url }) {
      const record = (await request(DOCUMENTS.cards, 'MyCard', {})).myMemberRecord;
      const link = record?.card ? `${url.origin}${site.base}/verify/${record.card.token}` : null;
      const qr = link ? await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) : null;
      return page(MyCard, { site, record, link, qr }, { title: '电子党员活动证', description: '我的电子党员活动证。', section: 'workspace' });
    },
  },
  {
    path: 'verify/:token',
    private: true,
    async handle({ site, id }) {
      const result = (await request(DOCUMENTS.cards, 'CardVerify', { token: id })).cardVerify;
      return page(Verify, { site, result }, { title: '党员身份核验', description: '电子党员活动证核验。', section: '-' });
    },
  },
];
