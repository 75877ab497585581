/** Uploads and downloads (/media), storage behind an interface. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { MediaFile } from './media.entity.js';
import { mediaRoutes } from './media.routes.js';
import { LocalDiskStorage } from './storage.js';

export default defineModule({
  name: 'media',
  entities: [MediaFile],
  routes: ({ config, contextFor, log }) => mediaRoutes({ storage: new LocalDiskStorage(config.mediaDir), contextFor, log }),
});
