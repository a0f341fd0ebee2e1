import type { ImportStreamEvent } from '@/lib/schemas/admin-imports';
import type { ImportEntity } from '@/lib/schemas/import';

export interface UploadTexts {
  connectionLost: string;
  cancelled: string;
  unreadable: string;
  stopped: string;
  refused: (status: number) => string;
}

export interface UploadRequest {
  file: File;
  entity: ImportEntity;
  skipInvalid: boolean;
  /** The messages of a failed upload, in the user's language. */
  texts: UploadTexts;
  /** Bytes of the file sent so far. */
  onUpload(loaded: number, total: number): void;
  /** Each NDJSON line of the answer as it arrives. */
  onEvent(event: ImportStreamEvent): void;
}

/**
 * Sends the CSV to POST /api/v1/admin/imports and reads the streamed answer. XMLHttpRequest rather
 * than fetch: only it reports upload progress (bytes sent); its partial `responseText` still lets
 * us read the progress lines as they come. Resolves with the final event, or rejects with a message.
 */
export function uploadCsv(request: UploadRequest): Promise<Extract<ImportStreamEvent, { type: 'done' }>> {
  const { file, entity, skipInvalid, texts } = request;
  const query = new URLSearchParams({ entity, skipInvalid: String(skipInvalid), fileName: file.name });
  const xhr = new XMLHttpRequest();
  let consumed = 0;
  let final: ImportStreamEvent | null = null;

  const readLines = (complete: boolean) => {
    const text = xhr.responseText;
    const end = complete ? text.length : text.lastIndexOf('\n') + 1;
    if (end <= consumed) return;
    for (const line of text.slice(consumed, end).split('\n')) {
      if (!line.trim()) continue;
      const event = JSON.parse(line) as ImportStreamEvent;
      if (event.type === 'done' || event.type === 'error') final = event;
      request.onEvent(event);
    }
    consumed = end;
  };

  return new Promise((resolve, reject) => {
    xhr.upload.onprogress = (e) => request.onUpload(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => request.onUpload(file.size, file.size);
    xhr.onprogress = () => {
      if (xhr.status === 200) readLines(false);
    };
    xhr.onerror = () => reject(new Error(texts.connectionLost));
    xhr.onabort = () => reject(new Error(texts.cancelled));
    xhr.onload = () => {
      if (xhr.status !== 200) return reject(new Error(errorMessage(xhr, texts)));
      try {
        readLines(true);
      } catch {
        return reject(new Error(texts.unreadable));
      }
      const last = final;
      if (last?.type === 'done') resolve(last);
      else if (last?.type === 'error') reject(new Error(last.error.message));
      else reject(new Error(texts.stopped));
    };
    xhr.open('POST', `/api/v1/admin/imports?${query.toString()}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.send(file);
  });
}

function errorMessage(xhr: XMLHttpRequest, texts: UploadTexts): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not the API's JSON error: fall through to the status.
  }
  return texts.refused(xhr.status);
}
