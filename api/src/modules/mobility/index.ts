/** 流动党员: members away without transferring — registration, the 活动证, the host, the contact log. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { registerRollAdjustment } from '../dues/roll.js';
import { mobileDuesRoll } from './dues-roll.js';
import { MobileContact, MobileRegistration } from './mobility.entity.js';
import { outOfTouch } from './mobility.reminders.js';
import { MobileRegistrationResolver } from './mobility.resolver.js';

// Members away pay dues at their host on the platform.
registerRollAdjustment(mobileDuesRoll);

export default defineModule({
  name: 'mobility',
  entities: [MobileRegistration, MobileContact],
  resolvers: [MobileRegistrationResolver],
  reminders: [outOfTouch],
});
