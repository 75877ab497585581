/** The national working calendar (放假调休): what counts as a working day for notice windows. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { CALENDAR_2026, CALENDAR_2026_SOURCE } from './calendar-2026.js';
import { CalendarDay, CalendarYear } from './calendar.entity.js';
import { CalendarResolver } from './calendar.resolver.js';
import { ensureCalendarYear } from './calendar.service.js';

export default defineModule({
  name: 'calendar',
  entities: [CalendarYear, CalendarDay],
  resolvers: [CalendarResolver],
  seed: async (em) => ((await ensureCalendarYear(em, 2026, CALENDAR_2026_SOURCE, CALENDAR_2026)) ? ['working calendar 2026'] : []),
});
