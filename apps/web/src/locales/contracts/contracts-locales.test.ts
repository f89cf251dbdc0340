import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it from './it.json';
import ru from './ru.json';

// The contracts namespace (contracts, calendar, attachments) uses plural forms ("2 binding agreements", "2 действующие договорённости"): each language has its own set of them.
describeNamespaceParity('contracts', { en, ru, it });
