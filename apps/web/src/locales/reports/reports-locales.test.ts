import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it from './it.json';
import ru from './ru.json';

// The reports namespace counts customers ("1 customer", "3 клиента", "5 клиентов"): each language has its own plural forms.
describeNamespaceParity('reports', { en, ru, it });
