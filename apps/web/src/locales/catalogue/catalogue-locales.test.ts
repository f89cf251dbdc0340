import { describeNamespaceParity } from '../namespace-parity.ts';
import en from './en.json';
import it from './it.json';
import ru from './ru.json';

// The catalogue namespace (products, categories, price lists, currencies) uses plural forms ("3 products", "3 товара"): each language has its own set of them.
describeNamespaceParity('catalogue', { en, ru, it });
