export { loadLab, docker, uniqueName, type Lab } from '../../test/integration/support/lab';
