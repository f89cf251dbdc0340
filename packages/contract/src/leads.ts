import { z } from 'zod';

/** A lead's life: new → working → qualified → converted, or disqualified at any point before converting. */
export const LEAD_STATUSES = ['new', 'working', 'qualified', 'converted', 'disqualified'] as const;
export const ZLeadStatus = z.enum(LEAD_STATUSES);
export type TLeadStatus = z.infer<typeof ZLeadStatus>;

/** How a lead reached us. */
export const LEAD_CHANNELS = ['manual', 'import', 'web_form'] as const;
export const ZLeadChannel = z.enum(LEAD_CHANNELS);
export type TLeadChannel = z.infer<typeof ZLeadChannel>;
