// Public surface of the report engine (pure Node: view models in, PDF bytes out).
export type * from './models.js';
export { maskName } from './mask.js';
export { renderTenantReport, orderChecklistItems } from './tenant-report.js';
export { renderViewingLog } from './viewing-log.js';
export { sampleTenantReportModel, sampleViewingLogModel } from './sample.js';
export { prepareImage, type PreparedImage } from './images.js';
// The layout library, for further documents built the same way.
export { ReportWriter, type TableColumn, type TableCell, type TextStyle } from './layout.js';
