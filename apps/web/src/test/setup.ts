import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pages load their code and messages lazily; on a busy 2-core machine that can take more than the default second.
configure({ asyncUtilTimeout: 5_000 });

// jsdom lacks the layout APIs antd's responsive components ask for.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

const globals = window as { ResizeObserver?: unknown };
globals.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

afterEach(() => cleanup());
