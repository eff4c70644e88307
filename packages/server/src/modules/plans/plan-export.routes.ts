import { IdParams } from '@pulse/contracts';
import { binaryFile } from '../../http/openapi.ts';
import { sessionRoute } from '../../http/route.ts';
import { exportPlanXlsx } from './plan-export.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's bytes; the OpenAPI document shows a binary body of the XLSX media type. */
const XlsxFile = binaryFile(XLSX_TYPE, 'An XLSX workbook');

export const planExportRoutes = [
  sessionRoute({
    method: 'GET',
    url: '/api/plans/:id/export.xlsx',
    tag: 'plans',
    summary:
      'The plan as an XLSX workbook: summary (scenarios, seasonality, months) and one sheet per dimension, in your language',
    params: IdParams,
    response: XlsxFile,
    errors: [404],
    handler: async ({ params }, ctx) => {
      const file = await exportPlanXlsx(ctx, params.id);
      ctx.reply.header('content-type', XLSX_TYPE);
      ctx.reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return file.content;
    },
  }),
];
