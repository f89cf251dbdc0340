import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it from './it.json';
import ru from './ru.json';

// The import pages' namespace uses plural forms ("12 rows", "12 строк"): each language has its own set of them.
describeNamespaceParity('imports', { en, ru, it });
