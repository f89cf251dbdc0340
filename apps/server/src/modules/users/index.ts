export { userPolicy } from './users.policy.ts';
export { presentMe, presentUser } from './users.presenter.ts';
export { escapeLike } from './users.service.ts';
export { users } from './users.table.ts';
