import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it from './it.json';
import ru from './ru.json';

// Timelines and agreements use plural forms ("2 agreements bind us", "2 договорённости"): each language has its own set of them.
describeNamespaceParity('relationships', { en, ru, it });
