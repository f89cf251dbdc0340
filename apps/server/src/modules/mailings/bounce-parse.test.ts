import { describe, expect, it } from 'vitest';
import { recipientOfAddress } from './bounce-address.ts';
import { deliveryReports, diagnosticOf, parseBounce, severityOf } from './bounce-parse.ts';

describe('reading delivery status notifications', () => {
  it('reads each recipient block, unfolds continued lines, and takes the status from the diagnostic when the field lacks', () => {
    const reports = deliveryReports(
      [
        'Reporting-MTA: dns; mx.example.test',
        '',
        'Final-Recipient: rfc822; <anna@example.test>',
        'Action: Failed',
        'Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach',
        '    does not exist.',
        '',
        'Final-Recipient: rfc822; bob@example.test',
        'Action: delayed',
        'Status: 4.4.7',
      ].join('\r\n'),
    );
    expect(reports).toEqual([
      {
        action: 'failed',
        status: '5.1.1',
        finalRecipient: 'anna@example.test',
        diagnostic: '550-5.1.1 The email account that you tried to reach does not exist.',
      },
      { action: 'delayed', status: '4.4.7', finalRecipient: 'bob@example.test', diagnostic: undefined },
    ]);
    expect(reports.map(severityOf)).toEqual(['permanent', 'transient']);
    expect(diagnosticOf(reports[1] as (typeof reports)[number])).toBe('4.4.7');
    // Given up after days of 4.x.x: not a reason to suppress the address.
    expect(severityOf({ action: 'failed', status: '4.4.7', finalRecipient: undefined, diagnostic: undefined })).toBe('transient');
    expect(severityOf({ action: 'delivered', status: '2.0.0', finalRecipient: undefined, diagnostic: undefined })).toBe('none');
  });

  it('finds a UTF-8 report (message/global-delivery-status) and the VERP address in Delivered-To', async () => {
    const raw = [
      'From: MAILER-DAEMON@mx.example.test',
      'To: someone@bakery.test',
      'Delivered-To: bounces+6f1c2a4e-1b2c-4d3e-8f40-123456789abc@bakery.test',
      'Content-Type: multipart/report; report-type=global-delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/global-delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.test',
      '',
      'Final-Recipient: utf-8; jürgen@example.test',
      'Action: failed',
      'Status: 5.1.1',
      '',
      '--b--',
      '',
    ].join('\r\n');
    const bounce = await parseBounce(Buffer.from(raw));
    expect(bounce.reports).toEqual([{ action: 'failed', status: '5.1.1', finalRecipient: 'jürgen@example.test', diagnostic: undefined }]);
    expect(bounce.addressedTo).toEqual(['6f1c2a4e-1b2c-4d3e-8f40-123456789abc']);
  });

  it('takes only bounces+<uuid> addresses as VERP', () => {
    expect(recipientOfAddress('BOUNCES+6F1C2A4E-1B2C-4D3E-8F40-123456789ABC@Bakery.test')).toBe('6f1c2a4e-1b2c-4d3e-8f40-123456789abc');
    expect(recipientOfAddress('bounces@bakery.test')).toBeUndefined();
    expect(recipientOfAddress('bounces+6f1c2a4e@bakery.test')).toBeUndefined();
    expect(recipientOfAddress('news+6f1c2a4e-1b2c-4d3e-8f40-123456789abc@bakery.test')).toBeUndefined();
  });
});
