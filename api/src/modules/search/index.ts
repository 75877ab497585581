/** Search and live publication across content kinds. */
import { defineModule } from '../../core/module.js';
import { SearchResolver } from './search.resolver.js';

export default defineModule({ name: 'search', resolvers: [SearchResolver] });
