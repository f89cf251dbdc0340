import { describe, expect, it } from 'vitest';
import { fileNameFor } from './download.ts';

describe('fileNameFor', () => {
  it('keeps letters of any language and digits, dashes the rest', () => {
    expect(fileNameFor('Complaint handling')).toBe('Complaint-handling.bpmn');
    expect(fileNameFor('Приём жалоб / v2')).toBe('Приём-жалоб-v2.bpmn');
    expect(fileNameFor('Qualità è')).toBe('Qualità-è.bpmn');
  });

  it('names an unnamed process', () => {
    expect(fileNameFor('  ?? ')).toBe('process.bpmn');
  });
});
