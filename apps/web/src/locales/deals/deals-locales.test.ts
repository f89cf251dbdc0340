import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it from './it.json';
import ru from './ru.json';

// The deals namespace (board, deals, pipelines settings) counts deals and fields ("3 deals", "3 сделки", "5 сделок"): each language has its own plural forms.
describeNamespaceParity('deals', { en, ru, it });
