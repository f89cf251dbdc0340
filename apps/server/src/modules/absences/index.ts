export { absencePolicy } from './absences.policy.ts';
export { absences } from './absences.table.ts';
export { applyAbsenceMoves } from './apply-moves.ts';
export { coveredUserIds, coveredUsersSql, standInFor } from './cover.ts';
