import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it from './it.json';
import ru from './ru.json';

// The tasks namespace says "needs 14 days" with plural forms: each language has its own set of them.
describeNamespaceParity('tasks', { en, ru, it });
