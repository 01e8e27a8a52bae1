// Interval reports of a day's engine events: the projection, its table, CSV and JSON, and the chart.
export { type ChartOptions, renderChart, xmlEscape } from "./chart.ts";
export {
  CSV_COLUMNS,
  formatTable,
  type RoundedRow,
  roundedRow,
  SERVICE_LEVEL_FORMULA,
  type TableOptions,
  toCsv,
  toJson,
} from "./format.ts";
export { buildReport, type ReportInput } from "./project.ts";
export {
  ALL_QUEUES,
  INTERVALS_MIN,
  type Report,
  type ReportOptions,
  type ReportQueue,
  type ReportRow,
} from "./types.ts";
