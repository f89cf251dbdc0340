export { absencePolicy } from './absences.policy.ts';
export { absences } from './absences.table.ts';
export { applyAbsenceMoves } from './apply-moves.ts';
export { absent, coveredUserIds, coveredUsersSql, coversDay, standInFor } from './cover.ts';
