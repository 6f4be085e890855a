export { ingestRawFile, RAW_FILE_NAME, METADATA_FILE_NAME } from './ingest-raw-file.ts';
export type { IngestOptions, RawFileMetadata } from './ingest-raw-file.ts';
export type { RawFileOrigin } from './fetch-raw-file.ts';
export type { HttpOverrides } from './ingest-settings.ts';
export { DEFAULT_STORE_DIR, DEFAULT_VENDOR_DIR, DEFAULT_HTTP_SETTINGS } from './ingest-settings.ts';
export { createDownloadProgress } from './download-progress.ts';
export type { DownloadProgress } from './download-progress.ts';
export { storeEntryPath } from './download-store.ts';
export { redactCredentials } from './redact-credentials.ts';
