// The imports' pages share one lazily loaded chunk. A chunk of their own for each would make
// the bundler split the start-up code differently, and the login page would load more bytes.
export { ImportWizard } from './import-wizard.tsx';
export { ImportsPage } from './imports-page.tsx';
