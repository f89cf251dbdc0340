import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageLinks } from '../locale/language-links.tsx';
import type { TPortalBranding } from './portal-api.ts';

type Props = { branding?: TPortalBranding | undefined; title: string; subtitle?: string; children: ReactNode };

/** The frame of the portal's pages before sign-in: the workspace's logo and colour, the language switch and a card. */
export function PortalAccountShell({ branding, title, subtitle, children }: Props) {
  const color = branding?.color ?? '#0f766e';
  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ background: color, padding: '8px 16px', minHeight: 56 }}>
        <Flex align="center" gap={12} style={{ minWidth: 0 }}>
          {branding?.hasLogo ? (
            <img src={`/api/portal/branding/${encodeURIComponent(branding.slug)}/logo`} alt={branding.name} style={{ maxHeight: 36 }} />
          ) : null}
          <span style={{ color: '#fff', fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {branding ? (branding.title ?? branding.name) : ''}
          </span>
        </Flex>
        <div style={{ background: '#fff', borderRadius: 6 }}>
          <LanguageLinks />
        </div>
      </Flex>
      <main style={{ width: '100%', maxWidth: 440, margin: '0 auto', padding: '24px 12px' }}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
          {children}
        </Card>
      </main>
    </Flex>
  );
}

/** A place to go after signing in: only pages of this workspace's portal, never another site. */
export function safePortalNext(next: string | null, workspace: string): string {
  const base = `/portal/${encodeURIComponent(workspace)}`;
  if (!next || next.startsWith('//') || next.startsWith('/\\')) return base;
  if (next !== base && !next.startsWith(`${base}/`)) return base;
  if (next.startsWith(`${base}/login`)) return base;
  return next;
}
