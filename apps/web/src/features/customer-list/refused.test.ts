import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { refusedIds } from './refused.ts';

const ids = ['a', 'b', 'c', 'd'];

describe('refusedIds', () => {
  it('names the records a 403 or 404 points at, once each', () => {
    const forbidden = new ApiError(403, 'forbidden', 'Not allowed', [
      { path: 'ids.1', message: 'You may not change this company' },
      { path: 'body.ids.3', message: 'You may not change this company' },
      { path: '/ids/1', message: 'Again' },
    ]);
    expect(refusedIds(forbidden, ids)).toEqual(['b', 'd']);
    expect(refusedIds(new ApiError(404, 'not_found', 'Gone', [{ path: 'ids.0', message: 'Not found' }]), ids)).toEqual(['a']);
  });

  it('ignores other errors, other paths and indexes out of range', () => {
    expect(refusedIds(new ApiError(422, 'validation_failed', 'Bad', [{ path: 'ids.0', message: 'Invalid uuid' }]), ids)).toEqual([]);
    expect(
      refusedIds(
        new ApiError(403, 'forbidden', 'No', [
          { path: 'action.ownerId', message: 'x' },
          { path: 'ids.9', message: 'x' },
        ]),
        ids,
      ),
    ).toEqual([]);
    expect(refusedIds(new Error('boom'), ids)).toEqual([]);
  });
});
