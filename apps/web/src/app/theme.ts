import type { ThemeConfig } from 'antd';

// People who ask their system for less motion get no antd animations (the e2e browser asks too).
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/** Calm, warm colours: a tool a shop owner trusts with their customers. */
export const theme: ThemeConfig = {
  token: {
    motion: !reducedMotion,
    colorPrimary: '#0f766e',
    colorInfo: '#0f766e',
    colorLink: '#0f766e',
    // antd derives a dull grey from this dark teal for selected rows and options; a light tint reads better.
    colorPrimaryBg: '#e3f2ef',
    colorPrimaryBgHover: '#d2ebe5',
    borderRadius: 8,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
    colorBgLayout: '#f4f6f5',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 24px' },
    Menu: { itemBorderRadius: 8, itemSelectedBg: '#e3f2ef', itemSelectedColor: '#0f766e', itemHoverBg: '#f0f5f4' },
    // The same dull grey would fill info alerts: the light tint again.
    Alert: { colorInfoBg: '#e3f2ef', colorInfoBorder: '#b7dcd5' },
  },
};
