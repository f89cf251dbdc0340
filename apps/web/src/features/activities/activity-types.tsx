import {
  CarOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  FlagOutlined,
  HistoryOutlined,
  MailOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TTimelineType } from '@clientela/contract';
import type { ReactNode } from 'react';

/** One icon per kind of timeline entry, in the form and on the timeline alike; words name the kind, so the icons stay silent. */
export const TYPE_ICON: Record<TTimelineType, ReactNode> = {
  call: <PhoneOutlined aria-hidden />,
  meeting: <TeamOutlined aria-hidden />,
  visit: <CarOutlined aria-hidden />,
  email: <MailOutlined aria-hidden />,
  note: <FileTextOutlined aria-hidden />,
  agreement: <SafetyCertificateOutlined aria-hidden />,
  system: <HistoryOutlined aria-hidden />,
  task: <CheckSquareOutlined aria-hidden />,
  stage: <FlagOutlined aria-hidden />,
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
  task: '#0891b2',
  stage: '#16a34a',
};
