import {
  CarOutlined,
  FileTextOutlined,
  HistoryOutlined,
  MailOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TTimelineType } from '@clientela/contract';
import type { ReactNode } from 'react';

/** One icon per kind of timeline entry, in the form and on the timeline alike. */
export const TYPE_ICON: Record<TTimelineType, ReactNode> = {
  call: <PhoneOutlined />,
  meeting: <TeamOutlined />,
  visit: <CarOutlined />,
  email: <MailOutlined />,
  note: <FileTextOutlined />,
  agreement: <SafetyCertificateOutlined />,
  system: <HistoryOutlined />,
};

/** The timeline's dot colour per kind. */
export const TYPE_COLOR: Record<TTimelineType, string> = {
  call: '#0f766e',
  meeting: '#7c3aed',
  visit: '#b45309',
  email: '#2563eb',
  note: '#64748b',
  agreement: '#c2410c',
  system: '#94a3b8',
};
