import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it from './it.json';
import ru from './ru.json';

describeNamespaceParity('system', { en, ru, it });
