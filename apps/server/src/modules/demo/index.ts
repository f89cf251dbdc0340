export { type DemoOptions, type DemoResult, loadDemoWorkspace } from './demo.service.ts';
