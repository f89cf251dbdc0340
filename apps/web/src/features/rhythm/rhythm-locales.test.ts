import { describeNamespaceParity } from '../../locales/namespace-parity.ts';
import rhythmEn from '../../locales/rhythm/en.json';
import rhythmIt from '../../locales/rhythm/it.json';
import rhythmRu from '../../locales/rhythm/ru.json';

// The rhythm namespace counts days and customers: each language has its own plural forms.
describeNamespaceParity('rhythm', { en: rhythmEn, ru: rhythmRu, it: rhythmIt });
