import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it from './it.json';
import ru from './ru.json';

// The sales namespace (quotes, orders, payments, credit) counts what a list shows ("3 di 10 mostrati", "Показано 3 из 10"): each language has its own plural forms.
describeNamespaceParity('sales', { en, ru, it });
