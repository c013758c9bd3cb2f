import type { ProcessConfig } from '../config/process-config';
import { adminRoles } from '../process/admin-roles';
import { isInRole } from '../process/roles';
import type { ViewerRights } from './report-types';

/**
 * What a member may see beyond the figures everyone sees: refusals by person and the exports (the
 * client registry) are for the roles of `reports.viewers`, by default the admins.
 */
export function viewerRights(config: ProcessConfig, username: string): ViewerRights {
  const roles = config.reports?.viewers ?? adminRoles(config);
  const viewer = roles.some((role) => isInRole(config, username, role));
  return { seesPeople: viewer, canExport: viewer };
}
