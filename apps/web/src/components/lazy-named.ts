import { type ComponentType, lazy } from 'react';

/** React.lazy for a module's named export: `lazyNamed(() => import('./x.tsx'), 'XPage')`. */
export function lazyNamed<M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => {
    const module = await load();
    return { default: module[name] as ComponentType };
  });
}
